# Lookout 发给订阅者的邮件。

## 安全警报邮件
email-safety-alert = 安全警报
email-alert-subject = { email-safety-alert }：{ $category } — { $regions }
email-field = { $label }：{ $value }
email-published = 发布日期
email-phone-numbers = 电话号码
email-emails = 电子邮件地址
email-vehicles = 车辆
email-handles = 网络账号
email-why = 你收到这封邮件，是因为这个地址订阅了 Lookout 的安全警报。
email-unsubscribe = 退订

## 确认邮件
email-confirm-subject = 请确认订阅 Lookout 安全警报
email-confirm-ask = 有人（希望是你本人）用这个地址申请接收 Lookout 安全警报。如要开始接收，请在这里确认：
email-confirm-ignore = 如果不是你本人申请的，请忽略这封邮件：我们不会再发送任何邮件。
