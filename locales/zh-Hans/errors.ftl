# What a page says beside a field that needs changing, and the error pages.

error-required = 这一项必须填写。
error-too-long = 太长了：最多 { $max } 个字符。
error-too-many = 太多了：最多 { $max } 个。
error-control-characters = 这里含有不能使用的字符（控制字符）。
error-consent-level = 请在三个级别中选择一个。
error-consent-spoc-absent = 只有选择“匿名”或“完整”时，才需要选择警方联络人。
error-consent-spoc = 请从列表中选择一位警方联络人。
error-consent-spoc-required = 请选择哪位警方联络人可以收到它。
error-statement-version = 同意声明已更改。请重新阅读，再重新选择。
error-email = 请输入电子邮件地址，例如 name@example.org。
error-phone = 请输入电话号码。
error-category = 请选择事件类型。
error-region = 请选择警区。
error-language = 请从列表中选择一种语言。
error-contact-for-full = “完整”分享会让警察得到联系你的方式：请在下面至少填写一种联系方式，或选择“匿名”。
error-full-needs-contact = 这份报告没有联系方式，所以不能选择“完整”：请选择“匿名”。
error-date = 请按 YYYY-MM-DD（年-月-日）格式输入日期，例如 2026-11-18。
error-date-future = 日期不能是将来的日期。
error-date-past = 日期必须在 1970 年之后。
error-check-one = 请只填写一个输入框，不能多也不能少。
error-regions = 请至少选择一个警区。
error-categories = 请从列表中选择事件类型，或全部不勾选以接收所有类型。
error-share-children-later = 这一项只能在提交报告时选择。
error-firewall-field = Lookout 不接受有关移民、国籍或身份证件的信息。

error-rate-limited-title = 请求太多
error-rate-limited = 短时间内从这里发出的请求太多了。请等一分钟再试。没有保存任何内容。
error-unavailable-title = Lookout 正忙
error-unavailable = Lookout 现在无法完成这个操作。请过几分钟再试。
error-not-found-title = 找不到页面
error-not-found = 这里没有页面。请使用上方的链接。
error-bad-request-title = 表格出了问题
error-bad-request = 无法读取表格。请返回再试一次。
error-internal-title = 出错了
error-internal = 我们这边出了问题。请稍后再试。

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = 与移民有关的内容
removed-identity-document-number = 身份证件号码
removed-nationality-or-country-of-origin = 国籍或原籍国
removed-home-workplace-or-premises = 住所、工作地点或场所
removed-street-address = 街道地址
removed-other-people-co-workers-family-helpers = 其他人（同事、家人、帮忙的人）
removed-children = 孩子
removed-reporter-name = 你的名字
removed-reporter-email-address = 你的电子邮件地址
removed-reporter-phone-number = 你的电话号码
removed-email-address = 电子邮件地址
removed-phone-number = 电话号码
removed-full-postcode = 完整邮编
removed-exact-time = 确切时间
removed-names-or-initials-of-other-people = 其他人的名字或姓名首字母
removed-removed-by-the-caseworker = 社工删除的部分
