# อีเมลที่ Lookout ส่งถึงผู้สมัครรับการแจ้งเตือน

## อีเมลแจ้งเตือน
email-safety-alert = แจ้งเตือนความปลอดภัย
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = เผยแพร่เมื่อ
email-phone-numbers = หมายเลขโทรศัพท์
email-emails = อีเมล
email-vehicles = ยานพาหนะ
email-handles = บัญชีออนไลน์
email-why = คุณได้รับอีเมลนี้เพราะอีเมลนี้สมัครรับการแจ้งเตือนความปลอดภัยของ Lookout ไว้
email-unsubscribe = ยกเลิกการรับแจ้งเตือน

## อีเมลยืนยัน
email-confirm-subject = ยืนยันการรับแจ้งเตือนความปลอดภัยจาก Lookout
email-confirm-ask = มีคน (เราหวังว่าเป็นคุณ) ขอรับการแจ้งเตือนความปลอดภัยจาก Lookout ที่อีเมลนี้ ถ้าต้องการเริ่มรับ กรุณายืนยันที่นี่:
email-confirm-ignore = ถ้าไม่ใช่คุณ ไม่ต้องสนใจอีเมลนี้ เราจะไม่ส่งอะไรมาอีก
