# Lookout's pages, in English: the source every translation follows.
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = 跳到主要内容
nav-label = 主菜单
nav-languages = 语言
nav-home = 关于 Lookout
nav-report = 报告事件
nav-follow-up = 跟进报告
nav-check = 查询客人
nav-subscribe = 接收安全警报
footer-privacy = Lookout 不记录你的地址、设备或浏览器信息，不设置 cookie，也不运行脚本。你写的内容都会被加密。
choose = 请选择…
form-has-errors = 有些回答需要修改

## About (/)
home-title = 安全地报告。提醒别人。警察能看到什么，由你决定。
home-intro = Lookout 是一个“Ugly Mugs”（坏客人预警）项目：性工作者，以及性工作者信任的外展服务机构，可以匿名报告暴力和其他犯罪。报告会变成给其他性工作者的安全警报，你也可以查一查某个客人的电话号码是否出现在这些警报中。
home-who-title = 由谁运营
home-who = Lookout 由支持性工作者的外展服务机构运营，而不是由警察或政府运营。它的代码是开源的，任何人都可以检查它做了什么。
home-protect-title = 你的报告如何受到保护
home-protect-anonymous = 不需要账号，也不需要名字。你会得到一个回执码：这是找回你报告的唯一方法。
home-protect-encrypted = 你写的内容一送达就会被加密。你的联系方式（如果你提供了）会另外单独加密。
home-protect-firewall = 代码里内置了“移民防火墙”：凡是涉及移民、国籍、签证或身份证件的内容，都会从离开 Lookout 的所有信息中删除；任何信息都绝不会发给移民执法部门、英国内政部（Home Office）或边境执法署（Border Force）。
home-protect-receipt = 有了回执码，你可以阅读回复、改变你对警察的决定，或撤回报告。撤回会销毁报告的密钥，任何人都无法再读取它。
home-protect-no-tracking = Lookout 不保存 IP 地址、设备或浏览器信息，也不设置 cookie。关闭 JavaScript 后网页也能正常使用，在 Tor Browser 中也可以。
home-police-title = 警察能收到什么，不能收到什么
home-police-can = 只有在你选择分享时：你挑选的指定警方联络人（SPOC）才会收到你的报告，其中任何可能认出你、其他人或地点的信息都已删除；只有你另外也选择了，才会附上联系你的方式。
home-police-cannot = 没有你的同意，警察绝不会收到你的报告，绝不能进入 Lookout，也绝不会收到任何关于移民或国籍的信息。任何信息都不会发给警察的其他部门，也不会发给其他任何人。
consent-title = 同意声明
consent-read-statement = 阅读同意声明
consent-statement-intro = 除非你选择分享，Lookout 绝不会把你的报告分享给警察；而且在任何情况下都绝不会分享给移民执法部门、英国内政部（Home Office）或边境执法署（Border Force）。你可以在三个级别中选一个，并且随时可以用回执码更改或撤回你的选择。
consent-statement-none = 无（默认）：你报告的任何内容都不会发给警察。社工仍可能在删除所有可能认出你的信息后使用它，来提醒其他性工作者。
consent-statement-anonymous = 匿名：你挑选的指定警方联络人（SPOC）会收到你的报告，但其中你的联系方式、任何关于移民或国籍的内容，以及其他可能认出你的细节都已删除。对方得不到任何联系你的方式。
consent-statement-full = 完整：你挑选的指定 SPOC 会收到同样的报告，外加你选择的联系途径：直接联系你本人，或联系帮你转交报告的外展服务机构。如果这位 SPOC 被换掉，在你重新同意发给新的人之前，什么都不会发送。
consent-statement-limits = 限制：信息一旦发给 SPOC，Lookout 就无法收回；之后警察怎样处理，要按他们的规定，而不是我们的规定。在你同意之前，你可以预览将要发送的确切内容。Lookout 会加密保存你的报告，不存储任何地址、设备或浏览器信息；撤回报告会销毁它的密钥，任何人（包括我们）都无法再读取它。
home-limits-title = 保密的限度
home-limits = Lookout 能保护它保存的信息，但无法保护已经离开它的信息：比如其他性工作者读到的警报，或你同意发给警察的报告。法院可能命令运营 Lookout 的机构交出它们保存的信息；这些信息是加密的，而已撤回的报告任何人都无法读取。如果你现在有危险，请拨打 999。
home-more-title = 这里还有
home-more-follow-up = 用回执码跟进报告
home-more-subscribe = 通过电子邮件接收安全警报

## Report form (/report)
report-title = 报告事件
report-intro = 告诉我们发生了什么。只需要填写事件类型、地区和事情经过；其他都由你决定要不要填。在发送任何内容之前，你会看到到底有哪些信息会离开 Lookout。
report-safety = 不要在描述里写你自己的名字或联系方式：下面有一个单独的地方可以填写（可选）。
report-what-legend = 发生了什么
report-category = 事件类型
report-region = 事发地所属警区
report-area = 地点（可选）
report-area-hint = 写城镇或区域就够了。不要写街道地址。
report-date = 日期（可选）
report-date-hint = 格式为 YYYY-MM-DD（年-月-日），例如 2026-11-18。
report-description = 发生了什么
report-description-hint = 用你自己的话写。最多 20,000 个字符。
report-perpetrator-legend = 关于做这件事的人（可选）
report-perpetrator-hint = 这些信息能帮助其他性工作者认出他。警报发布后，其他性工作者可以查询其中的电话号码、电子邮件、车辆和网名。
report-perpetrator-description = 描述
report-phone-numbers = 电话号码
report-emails = 电子邮件地址
report-vehicles = 车牌号
report-handles = 网名或网上账号
report-more-boxes = 保留我已填写的内容，并添加更多输入框
report-alert-legend = 安全警报
report-alert-yes = 可以，社工可以把这份报告变成给其他性工作者的安全警报（不包含任何能认出我的信息）
report-alert-no = 不可以，不要用它做警报
report-contact-legend = 我们怎样联系你（可选）
report-contact-hint = 只有社工能看到这些。只有你在下面选择“完整”，警察才能看到。
report-contact-name = 名字或工作用名
report-contact-email = 电子邮件地址
report-contact-phone = 电话号码
report-contact-notes = 什么时候、用什么方式联系你
report-consent-legend = 与警察分享
report-consent-level = 警察可以收到什么？
consent-level-none = 无（默认）
consent-level-anonymous = 匿名：报告，但不包含任何能认出我的信息
consent-level-full = 完整：报告，以及联系我的方式
report-consent-spoc = 选择哪位指定警方联络人（SPOC）？
report-consent-spoc-hint = 只有选择“匿名”或“完整”时才需要。请选择事发地区的联络人。
report-consent-no-spocs = 目前没有登记的警方联络人，所以只能选择“无”。
report-share-children = 警察可以看到我提到自己孩子的内容（警报中绝不会出现孩子）
report-language = 你写报告用的语言
report-preview-button = 预览将要发送的内容

## Preview
preview-title = 发送前请检查
preview-intro = 如果你发送这份报告，离开 Lookout 的就是下面这些内容，一字不差。目前还没有发送或保存任何内容。
preview-police-title = 警察会收到的内容
preview-police-to = 只发送给 { $spoc }
preview-police-none = 无：你选择了不与警察分享这份报告。
preview-alert-title = 社工编写警报时会用到的草稿
preview-alert-explain = 社工可能会根据这份草稿发布安全警报。警报绝不会包含你的联系方式。
preview-alert-none = 没有警报：你选择了不让这份报告用于警报。
preview-removed-title = 删除了哪些内容
preview-removed-explain = Lookout 从将要离开的内容中删除了以下几类信息：
preview-removed-nothing = 没有需要删除的内容。
preview-confirm-explain = 如果没问题，就发送报告。你也可以返回修改任何内容：你填写的所有内容都会保留。
preview-send-button = 发送报告
preview-edit-button = 返回修改

## Receipt
receipt-title = 你的报告已收到
receipt-thanks = 谢谢你。你的报告在我们这里是安全的。
receipt-your-receipt = 你的回执码
receipt-write-down = 请现在就把这个回执码记下来，或保存在安全的地方。它只显示这一次：Lookout 无法再次显示或找回它，而它是找回你报告的唯一方法。
receipt-use = 用它，你可以阅读社工的回复、更改警察可以看到的内容，或撤回你的报告。

## Follow up (/follow-up)
follow-up-title = 跟进报告
follow-up-intro = 输入你报告时得到的回执码。
follow-up-receipt = 回执码
follow-up-receipt-hint = 它的样子是 LKT-XXXX-XXXX-XXXX-XXXX。
follow-up-open-button = 打开我的报告
follow-up-receipt-unknown = 没有报告使用这个回执码。请检查后再试一次；已撤回的报告无法打开。
follow-up-status-title = 你的报告
follow-up-status = 状态
follow-up-submitted = 发送日期
follow-up-consent = 警察可以收到
follow-up-consent-renew = 你选择的警方联络人已经换人了。在你在下面重新选择之前，不会向警察发送任何内容。
status-received = 已收到
status-reviewed = 社工已阅读
status-alert_published = 已发布安全警报
status-forwarded = 已发送给你选择的警方联络人
status-closed = 已结束
status-withdrawn = 已撤回
follow-up-messages = 消息
follow-up-no-messages = 还没有消息。
follow-up-from-you = 你
follow-up-from-caseworker = 社工
follow-up-reply = 给社工留言
follow-up-reply-button = 发送消息
follow-up-reply-sent = 你的消息已发送。
follow-up-disclosures = 警察收到了什么
follow-up-no-disclosures = 没有向警察发送过任何内容。
follow-up-disclosed-to = 已发送给 { $to }
follow-up-change-consent = 更改警察可以收到的内容
follow-up-change-consent-explain = 你可以随时更改。在任何改动生效之前，你会先看到新的选择会发送什么。
follow-up-consent-preview-button = 看看这会发送什么
follow-up-consent-changed = 你的选择已保存，从现在起生效。
follow-up-withdraw = 撤回报告
follow-up-withdraw-explain = 撤回会销毁你的报告，任何人都无法再读取它。系统会请你确认。
follow-up-withdraw-button = 撤回…
consent-preview-title = 检查你的新选择
consent-preview-level = 新的选择：{ $level }
consent-preview-would-send = 如果按照这个选择把你的报告发给警察，他们收到的就是下面这些内容，一字不差：
consent-preview-nothing = 按照这个选择，不会向警察发送任何内容。
consent-preview-not-undone = 根据之前的选择已经发给警察的内容，无法收回。
consent-preview-confirm-button = 保存这个选择
consent-preview-cancel-button = 保留我现在的选择
withdraw-title = 要撤回你的报告吗？
withdraw-destroys = 撤回会销毁你报告的密钥。这无法撤销：
withdraw-destroys-content = 任何人，包括 Lookout 的社工，都无法再读取你的报告、你的联系方式或你的消息；
withdraw-destroys-queue = 报告会从社工的工作列表中移除；
withdraw-destroys-drafts = 根据它编写但尚未发布的警报草稿会被删除；
withdraw-destroys-checks = 性工作者查询客人时，报告中的电话号码和其他信息将不再被查到；
withdraw-destroys-receipt = 这个回执码将失效。
withdraw-not-undone = 已经发布的警报，或已经发给警察的内容，都无法收回。
withdraw-confirm-button = 是的，销毁我的报告
withdraw-cancel-button = 不，保留它
withdrawn-title = 你的报告已撤回
withdrawn = 它的密钥已被销毁：任何人，包括 Lookout，都无法再读取它。回执码已失效。

## Check (/check)
check-title = 查询客人
check-intro = 查一查某个电话号码、电子邮件地址、车辆或网名是否出现在已发布的安全警报中。你输入的内容不会被保存。
check-one = 请只填写一个输入框。
check-phone = 电话号码
check-email = 电子邮件地址
check-vehicle = 车牌号
check-handle = 网名或网上账号
check-button = 查询
check-result-title = 结果
check-no-match = 没有已发布的警报提到这个。但这不代表这个人是安全的：请相信你的直觉。
check-matches = { $count ->
   *[other] 有 { $count } 条已发布的警报提到了这个：
}
check-published-on = 发布于 { $date }
check-caveat = 警报来自性工作者的报告，没有经过警察或法院核实。

## Subscribe (/subscribe) and the emailed links
subscribe-title = 接收安全警报
subscribe-intro = 当你选择的地区发布安全警报时，你会收到一封电子邮件。我们会先发一封确认邮件：在你确认之前，不会发送其他任何邮件。
subscribe-email = 你的电子邮件地址
subscribe-email-hint = 加密保存。只用于发送警报；每封警报里都有一个可以停止接收的链接。
subscribe-regions = 警区
subscribe-categories = 事件类型
subscribe-categories-hint = 全部不勾选，就会收到所有类型。
subscribe-language = 警报使用的语言
subscribe-button = 订阅
subscribe-sent-title = 请查看你的邮箱
subscribe-sent = 如果这个地址可以接收警报，确认邮件正在发送给你。在你确认之前，不会发送任何内容。
confirm-title = 确认你的安全警报
confirm-explain = 按下按钮，这个地址就会开始接收 Lookout 的安全警报。
confirm-button = 确认订阅
confirmed-title = 订阅已确认
confirmed = 从现在起，你所选地区的安全警报会发送到这个地址。
unsubscribe-title = 停止接收安全警报
unsubscribe-explain = 按下按钮，这个地址将不再收到任何 Lookout 安全警报。之后你的地址会被删除。
unsubscribe-button = 取消订阅
unsubscribed-title = 你已取消订阅
unsubscribed = 这个地址不会再收到任何警报，并且已被删除。
link-invalid-title = 这个链接无效
link-invalid = 这个链接已经失效：它已过期、已经用过，或者订阅已经结束。
link-no-token = 这个链接不完整。请从邮件中重新打开，或复制完整的链接。
