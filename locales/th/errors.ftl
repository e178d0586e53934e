# ข้อความที่แสดงข้างช่องที่ต้องแก้ไข และหน้าแจ้งข้อผิดพลาด

error-required = ต้องกรอกช่องนี้
error-too-long = ยาวเกินไป: ได้ไม่เกิน { $max } ตัวอักษร
error-too-many = มากเกินไป: ได้ไม่เกิน { $max }
error-control-characters = มีอักขระที่ใช้ไม่ได้ (อักขระควบคุม)
error-consent-level = กรุณาเลือกหนึ่งในสามระดับ
error-consent-spoc-absent = เลือกผู้ประสานงานตำรวจได้เฉพาะเมื่อเลือก "ไม่ระบุตัวตน" หรือ "แบบเต็ม"
error-consent-spoc = กรุณาเลือกผู้ประสานงานตำรวจจากรายการ
error-consent-spoc-required = กรุณาเลือกว่าผู้ประสานงานตำรวจคนไหนจะได้รับรายงานนี้ได้
error-statement-version = ข้อความแสดงความยินยอมมีการเปลี่ยนแปลง กรุณาอ่านอีกครั้งแล้วเลือกใหม่
error-email = กรุณาใส่อีเมล เช่น name@example.org
error-phone = กรุณาใส่เบอร์โทรศัพท์
error-category = กรุณาเลือกประเภทของเหตุการณ์
error-region = กรุณาเลือกเขตพื้นที่ตำรวจ
error-language = กรุณาเลือกภาษาจากรายการ
error-contact-for-full = การแบ่งปัน "แบบเต็ม" จะให้ตำรวจมีช่องทางติดต่อคุณ: กรอกช่องทางติดต่ออย่างน้อยหนึ่งช่องด้านล่าง หรือเลือก "ไม่ระบุตัวตน"
error-full-needs-contact = รายงานนี้ไม่มีข้อมูลติดต่อ จึงเลือก "แบบเต็ม" ไม่ได้: กรุณาเลือก "ไม่ระบุตัวตน"
error-date = กรุณาใส่วันที่ในรูปแบบ YYYY-MM-DD เช่น 2026-11-18
error-date-future = วันที่ต้องไม่เป็นวันในอนาคต
error-date-past = วันที่ต้องอยู่หลังปี 1970
error-check-one = กรอกเพียงช่องเดียวเท่านั้น
error-regions = กรุณาเลือกเขตพื้นที่ตำรวจอย่างน้อยหนึ่งเขต
error-categories = กรุณาเลือกประเภทของเหตุการณ์จากรายการ หรือไม่ต้องติ๊กช่องไหนเลยเพื่อรับทุกประเภท
error-share-children-later = ตัวเลือกนี้เลือกได้เฉพาะตอนแจ้งเหตุเท่านั้น
error-firewall-field = Lookout ไม่รับรายละเอียดเกี่ยวกับการเข้าเมือง สัญชาติ หรือเอกสารแสดงตัวตน

error-rate-limited-title = มีคำขอมากเกินไป
error-rate-limited = มีคำขอจากที่นี่มากเกินไปในเวลาสั้น ๆ รอสักหนึ่งนาทีแล้วลองใหม่ ไม่มีอะไรถูกบันทึก
error-unavailable-title = Lookout ไม่ว่างในขณะนี้
error-unavailable = ตอนนี้ Lookout ทำรายการนี้ไม่ได้ ลองใหม่ในอีกไม่กี่นาที
error-not-found-title = ไม่พบหน้านี้
error-not-found = ไม่มีหน้าเว็บนี้ กรุณาใช้ลิงก์ด้านบน
error-bad-request-title = แบบฟอร์มมีปัญหา
error-bad-request = อ่านแบบฟอร์มไม่ได้ ย้อนกลับแล้วลองใหม่
error-internal-title = เกิดข้อผิดพลาด
error-internal = เกิดข้อผิดพลาดฝั่งของเรา ลองใหม่ภายหลัง

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = ข้อมูลที่กล่าวถึงการเข้าเมือง
removed-identity-document-number = เลขเอกสารแสดงตัวตน
removed-nationality-or-country-of-origin = สัญชาติหรือประเทศต้นทาง
removed-home-workplace-or-premises = บ้าน ที่ทำงาน หรือสถานที่
removed-street-address = ที่อยู่ (บ้านเลขที่ ถนน)
removed-other-people-co-workers-family-helpers = บุคคลอื่น (เพื่อนร่วมงาน ครอบครัว ผู้ช่วย)
removed-children = เด็ก
removed-reporter-name = ชื่อของคุณ
removed-reporter-email-address = อีเมลของคุณ
removed-reporter-phone-number = เบอร์โทรศัพท์ของคุณ
removed-email-address = อีเมล
removed-phone-number = เบอร์โทรศัพท์
removed-full-postcode = รหัสไปรษณีย์แบบเต็ม
removed-exact-time = เวลาที่แน่นอน
removed-names-or-initials-of-other-people = ชื่อหรืออักษรย่อชื่อของบุคคลอื่น
removed-removed-by-the-caseworker = ส่วนที่เจ้าหน้าที่ดูแลเคสลบออก
