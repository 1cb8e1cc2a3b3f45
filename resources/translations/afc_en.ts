<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="152"/>
        <source>管理员账号</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="153"/>
        <source>管理员可以添加社工账号、修改设置、备份和恢复数据。请牢记密码。</source>
        <translation>The administrator can add social-worker accounts, change settings, and back up and restore data. Keep the password safe.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="156"/>
        <source>如：王芳</source>
        <translation>e.g. Wang Fang</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="165"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="166"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="167"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="168"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="171"/>
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="175"/>
        <source>请填写用户名</source>
        <translation>Please enter a user name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="178"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="3"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="4"/>
        <source>今天的自动备份没有完成</source>
        <translation>Today&apos;s automatic backup was not made</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="5"/>
        <source>今天的自动备份没有完成：{0}

数据本身没有受影响。请检查磁盘空间，然后在“设置 › 备份”中点“立即备份”。</source>
        <translation>Today&apos;s automatic backup was not made: {0}

The data itself is not affected. Please check the free disk space, then click &quot;Back up now&quot; under Settings › Backup.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="6"/>
        <source>已生成演示社区“梅巷社区”和 {0} 位虚构居民。
以后打开演示版请用：用户名 {1}，密码 {2}</source>
        <translation>The demo community &quot;Meixiang Community&quot; with {0} fictitious residents has been created.
To open the demo later, log in as {1} with the password {2}.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="7"/>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="8"/>
        <source>恢复完成</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="9"/>
        <source>数据已恢复，请重新登录。</source>
        <translation>The data has been restored. Please log in again.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="10"/>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="11"/>
        <source>数据库文件检查未通过，且没有可用的备份：
{0}

请联系技术支持。</source>
        <translation>The database file failed its check and there is no usable backup:
{0}

Please contact technical support.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="12"/>
        <source>数据库文件检查未通过：
{0}

可以从备份恢复（当前文件会另存一份）。请选择要恢复的备份：</source>
        <translation>The database file failed its check:
{0}

It can be restored from a backup (the current file is kept as a copy). Choose the backup to restore:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="13"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="14"/>
        <source>无法打开数据目录 {0} 中的数据库：
{1}</source>
        <translation>Cannot open the database in the data directory {0}:
{1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="15"/>
        <source>本机数据已加密</source>
        <translation>The data on this computer is encrypted</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="16"/>
        <source>本机数据已加密保存。请打印下一页的恢复密钥并锁进保险柜。</source>
        <translation>The data on this computer is now stored encrypted. Please print the recovery key on the next page and lock it in the safe.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="17"/>
        <source>正在加密本机数据（先备份，再加密，再核对）……</source>
        <translation>Encrypting the data on this computer (backup, encrypt, verify)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="18"/>
        <source>正在生成演示数据……</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="19"/>
        <source>演示数据已生成</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="20"/>
        <source>演示管理员</source>
        <translation>Demo administrator</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="21"/>
        <source>老年友好社区工作台</source>
        <translation>AFC Desktop</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="22"/>
        <source>详细记录已写入日志：{0}</source>
        <translation>The details were written to the log: {0}</translation>
    </message>
</context>
<context>
    <name>AreaBox</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="50"/>
        <source>情况说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="53"/>
        <source>情况：</source>
        <translation>Situation:</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="90"/>
        <source>评估：%1 — %2</source>
        <translation>Assessment: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="119"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="150"/>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="151"/>
        <source>定稿保存</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="152"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="153"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="154"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="205"/>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="238"/>
        <source>（暂定）</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="226"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="288"/>
        <source>已定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="290"/>
        <source>草稿（未保存的修改）</source>
        <translation>Draft (unsaved changes)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="290"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="292"/>
        <source>新评估</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="307"/>
        <source>总分：尚缺 %1 题</source>
        <translation>Total: %1 items still unanswered</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="309"/>
        <source>等级：待全部作答后评定</source>
        <translation>Grade: given once every item is answered</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="319"/>
        <source>总分 %1/%2</source>
        <translation>Total %1/%2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="324"/>
        <source>初步等级：%1&#x3000;最终等级：%2</source>
        <translation>Preliminary grade: %1&#x3000;Final grade: %2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="329"/>
        <source>（变更依据：%1）</source>
        <translation>(changed because: %1)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="358"/>
        <source>有 %1 处需要修改</source>
        <translation>%1 answers need correcting</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="377"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="392"/>
        <source>无法定稿</source>
        <translation>Cannot finalize</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="432"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="441"/>
        <source>无法保存PDF</source>
        <translation>Cannot save the PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="449"/>
        <source>无法保存草稿</source>
        <translation>Cannot save the draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="450"/>
        <source>有填写不正确的内容，草稿未能保存。仍要关闭并放弃这些修改吗？</source>
        <translation>Some answers are not valid, so the draft could not be saved. Close anyway and discard these changes?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/assessment_dialog.py" line="107"/>
        <source>第%1版</source>
        <translation>version %1</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="39"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="40"/>
        <source>改造前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="41"/>
        <source>改造后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="42"/>
        <source>签字表</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="43"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="91"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="93"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="95"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="101"/>
        <source>用途</source>
        <translation>Shows</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="139"/>
        <source>（等待同步）</source>
        <translation>(waiting for sync)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="182"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="184"/>
        <source>照片 (*.jpg *.jpeg *.heic *.heif *.png *.webp *.tif *.tiff *.bmp *.gif)</source>
        <translation>Pictures (*.jpg *.jpeg *.heic *.heif *.png *.webp *.tif *.tiff *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="219"/>
        <source>导出照片</source>
        <translation>Export photo</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="234"/>
        <source>无法写入该文件</source>
        <translation>Cannot write that file</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="242"/>
        <source>删除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/attachments_strip.py" line="242"/>
        <source>删除这张照片吗？（其他电脑同步后也会删除）</source>
        <translation>Remove this photo? (Other computers remove it too once they sync.)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/bar_chart.py" line="249"/>
        <source>（点击查看名单）</source>
        <translation> (click to see the list)</translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/item_editors.py" line="134"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/item_editors.py" line="135"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CadenceRuleDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="33"/>
        <source>探访频次规则</source>
        <translation>Visit cadence rule</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="44"/>
        <source>仅特殊困难老年人（独居、空巢、留守、失能、重残、计生特殊家庭）</source>
        <translation>Special-hardship elders only (living alone, empty nest, left behind, disabled, severely disabled, family-planning special families)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="48"/>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="54"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="63"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="69"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="73"/>
        <source>每</source>
        <translation>Every</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="76"/>
        <source>至少探访一次</source>
        <translation>at least one visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="77"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="78"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="79"/>
        <source>最低年龄</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="81"/>
        <source>人员类别（任一符合即可；不选为不限）</source>
        <translation>Person categories (any one matches; none selected means any)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/cadence_rule_dialog.py" line="83"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CommunityCodeDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="30"/>
        <source>补全社区代码</source>
        <translation>Complete the community code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="34"/>
        <source>本社区（{0}）还没有12位统计用区划代码。区级用它区分同名社区、统计和接收同步包。请向街道或区民政部门确认后填写。</source>
        <translation>This community ({0}) has no 12-digit statistical division code yet. The district uses it to tell communities of the same name apart, for its figures and to accept sync bundles. Please confirm it with the street office or the district civil-affairs bureau.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="43"/>
        <source>只在参考数据没有这个街道时填写</source>
        <translation>Only when the reference data does not list this street</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="48"/>
        <source>社区代码</source>
        <translation>Community code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="49"/>
        <source>街道（镇）</source>
        <translation>Street (town)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="51"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/community_code_dialog.py" line="52"/>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="39"/>
        <source>本机服务的社区</source>
        <translation>Community served by this computer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="40"/>
        <source>选择试点社区，或手工填写所在区县、街道（镇）和社区（村）。</source>
        <translation>Choose a pilot community, or type the district, street (town) and community (village).</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="41"/>
        <source>从22个试点社区中选择</source>
        <translation>Choose from the 22 pilot communities</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="42"/>
        <source>手工填写</source>
        <translation>Type it in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="55"/>
        <source>如：梅巷社区</source>
        <translation>e.g. Meixiang Community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="58"/>
        <source>12位统计用区划代码，如 320508018001</source>
        <translation>12-digit statistical division code, e.g. 320508018001</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="61"/>
        <source>区/县级市</source>
        <translation>District / county-level city</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="62"/>
        <source>街道/镇</source>
        <translation>Street / town</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="63"/>
        <source>社区/村</source>
        <translation>Community / village</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="70"/>
        <source>社区代码</source>
        <translation>Community code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="72"/>
        <source>社区代码见民政或统计部门的区划代码表；选好街道后只需补上最后3位。</source>
        <translation>The community code is in the division code list of the civil-affairs or statistics office; after choosing the street, only the last 3 digits are left to type.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="29"/>
        <source>标记已处理…</source>
        <translation>Mark as handled…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="31"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="39"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="40"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="41"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="42"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="43"/>
        <source>一方的值</source>
        <translation>One value</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="44"/>
        <source>谁、何时</source>
        <translation>Who, when</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="45"/>
        <source>另一方的值</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="46"/>
        <source>谁、何时 </source>
        <translation>Who, when </translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="48"/>
        <source>目前采用</source>
        <translation>Now in use</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="49"/>
        <source>一方</source>
        <translation>The first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="49"/>
        <source>另一方</source>
        <translation>The other</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="57"/>
        <source>冲突是两台电脑同时改了同一项。区级已按规则采用其中一个值；如需更正，请告诉社区在本社区电脑上修改，更正会随下一个同步包送来。</source>
        <translation>A conflict means two computers changed the same item at the same time. The district has taken one of the values by the rules; to correct it, ask the community to change it on its own computer: the correction arrives with its next sync bundle.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="72"/>
        <source>未处理的冲突：{0} 处</source>
        <translation>Open conflicts: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="84"/>
        <source>标记已处理</source>
        <translation>Mark as handled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="84"/>
        <source>处理说明：</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>DistrictLoginDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/district/login.py" line="30"/>
        <source>登录 - 区级工作台</source>
        <translation>Log in - District desk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/login.py" line="37"/>
        <source>区级工作台</source>
        <translation>District desk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/login.py" line="47"/>
        <source>区级密钥口令</source>
        <translation>District key passphrase</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/login.py" line="50"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/login.py" line="52"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="27"/>
        <source>区级工作台 - {0}</source>
        <translation>District desk - {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="40"/>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="41"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="42"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="43"/>
        <source>重复登记</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="44"/>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/window.py" line="57"/>
        <source>{0}（{1}）  区级密钥 {2}</source>
        <translation>{0} ({1})  district key {2}</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="18"/>
        <source>独居</source>
        <translation>Living alone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="19"/>
        <source>空巢</source>
        <translation>Empty nest</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="20"/>
        <source>留守</source>
        <translation>Left behind</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="21"/>
        <source>失能</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="22"/>
        <source>失智</source>
        <translation>Dementia</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="23"/>
        <source>重残</source>
        <translation>Severe disability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="24"/>
        <source>低保</source>
        <translation>Minimum living allowance</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="25"/>
        <source>特困</source>
        <translation>Extreme hardship support</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="26"/>
        <source>计划生育特殊家庭</source>
        <translation>Family-planning special family</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="27"/>
        <source>低收入</source>
        <translation>Low income</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="28"/>
        <source>优抚对象</source>
        <translation>Veteran / entitled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="29"/>
        <source>去世</source>
        <translation>Died</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="30"/>
        <source>迁出本区</source>
        <translation>Moved out of the district</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="31"/>
        <source>迁往本区其他社区</source>
        <translation>Moved to another community of the district</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="32"/>
        <source>高龄</source>
        <translation>Aged 80+</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="33"/>
        <source>长寿</source>
        <translation>Aged 90+</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="34"/>
        <source>百岁</source>
        <translation>Centenarian</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="56"/>
        <source>60–69岁</source>
        <translation>60–69</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="57"/>
        <source>70–79岁</source>
        <translation>70–79</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="58"/>
        <source>80–89岁</source>
        <translation>80–89</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="59"/>
        <source>90岁及以上</source>
        <translation>90 and over</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="60"/>
        <source>60岁以下</source>
        <translation>Under 60</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="61"/>
        <source>出生日期不详</source>
        <translation>Birth date unknown</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="63"/>
        <source>与配偶居住</source>
        <translation>With spouse</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="64"/>
        <source>与子女居住</source>
        <translation>With children</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="65"/>
        <source>与父母居住</source>
        <translation>With parents</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="66"/>
        <source>与兄弟姐妹居住</source>
        <translation>With siblings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="67"/>
        <source>与其他亲属居住</source>
        <translation>With other relatives</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="68"/>
        <source>与非亲属关系的人居住</source>
        <translation>With non-relatives</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="69"/>
        <source>养老机构</source>
        <translation>Care home</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="71"/>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="72"/>
        <source>能力完好</source>
        <translation>Intact ability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="73"/>
        <source>能力轻度受损（轻度失能）</source>
        <translation>Mildly impaired (mild disability)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="74"/>
        <source>能力中度受损（中度失能）</source>
        <translation>Moderately impaired (moderate disability)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="75"/>
        <source>能力重度受损（重度失能）</source>
        <translation>Severely impaired (severe disability)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="76"/>
        <source>能力完全丧失（完全失能）</source>
        <translation>Total loss of ability (complete disability)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="78"/>
        <source>生活照料</source>
        <translation>Daily care</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="79"/>
        <source>助餐</source>
        <translation>Meals</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="80"/>
        <source>助浴</source>
        <translation>Bathing</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="81"/>
        <source>助洁</source>
        <translation>Cleaning</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="82"/>
        <source>医疗护理</source>
        <translation>Medical care</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="83"/>
        <source>康复</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="84"/>
        <source>精神慰藉</source>
        <translation>Companionship</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="85"/>
        <source>紧急救援</source>
        <translation>Emergency help</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="86"/>
        <source>适老化改造</source>
        <translation>Home modification</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="87"/>
        <source>法律援助</source>
        <translation>Legal aid</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="88"/>
        <source>政策咨询</source>
        <translation>Policy advice</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="89"/>
        <source>智能技术帮助</source>
        <translation>Help with digital technology</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="90"/>
        <source>代办帮办</source>
        <translation>Errands and applications</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="91"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="93"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="94"/>
        <source>已转介</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="95"/>
        <source>服务中</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="96"/>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="97"/>
        <source>无法解决</source>
        <translation>Cannot be met</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="98"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="99"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="100"/>
        <source>不急</source>
        <translation>Not urgent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="102"/>
        <source>7天内</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="103"/>
        <source>8–30天</source>
        <translation>8–30 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="104"/>
        <source>31–90天</source>
        <translation>31–90 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="105"/>
        <source>90天以上</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="107"/>
        <source>入户</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="108"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="109"/>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="110"/>
        <source>入户走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="111"/>
        <source>电话探访</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="112"/>
        <source>视频探访</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="113"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="160"/>
        <source>需求主动发现</source>
        <translation>Finding needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="161"/>
        <source>政策咨询办理</source>
        <translation>Policy advice and applications</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="162"/>
        <source>养老资源介绍链接</source>
        <translation>Linking to services</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="163"/>
        <source>养老服务合理建议</source>
        <translation>Care advice</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="164"/>
        <source>业务帮办</source>
        <translation>Help with applications</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="165"/>
        <source>生活代办</source>
        <translation>Errands</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="167"/>
        <source>院落楼栋居民自治</source>
        <translation>Courtyard / building self-governance</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="168"/>
        <source>村民小组或自然村自治</source>
        <translation>Village group self-governance</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="169"/>
        <source>协商议事</source>
        <translation>Residents&apos; consultation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="170"/>
        <source>互助养老</source>
        <translation>Mutual aid</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="171"/>
        <source>文体活动</source>
        <translation>Culture and sports</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="172"/>
        <source>筹备中</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="173"/>
        <source>进行中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="174"/>
        <source>已结项</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="176"/>
        <source>服务设施</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="177"/>
        <source>服务项目</source>
        <translation>Service programme</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="178"/>
        <source>服务平台</source>
        <translation>Service platform</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="179"/>
        <source>服务人员</source>
        <translation>Service staff</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="180"/>
        <source>社会组织</source>
        <translation>Social organisation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="181"/>
        <source>驻区单位</source>
        <translation>Local organisation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="182"/>
        <source>共建单位</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="184"/>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="185"/>
        <source>中期评估</source>
        <translation>Mid-term review</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="186"/>
        <source>结项评估</source>
        <translation>Final review</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="188"/>
        <source>统计期内没有定稿的居家适老化改造评估表</source>
        <translation>No home-modification assessment was finalized in the period</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="191"/>
        <source>高风险老年人</source>
        <translation>High-risk elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="192"/>
        <source>特殊困难老年人</source>
        <translation>Special-hardship elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="193"/>
        <source>其他老年人</source>
        <translation>Other elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="194"/>
        <source>本地选择：参照地方探访关爱做法（高风险对象每周至少一次），非国家统一要求</source>
        <translation>Local choice: following local visiting-care practice (high-risk elders at least once a week); not a national requirement</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="197"/>
        <source>国家要求：2025年底特殊困难老年人月探访率达到100%（独居、空巢、留守、失能、重残、计划生育特殊家庭）；按月探访为最低频次</source>
        <translation>National requirement: by the end of 2025 the monthly visit rate of elders in special hardship reaches 100% (living alone, empty-nest, left-behind, disabled, severely disabled, families of the family-planning special group); a monthly visit is the minimum</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="202"/>
        <source>本地选择：参照地方做法（一般对象每季度至少一次），非国家统一要求</source>
        <translation>Local choice: following local practice (other elders at least once a quarter); not a national requirement</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="36"/>
        <source>一人居住，无同住人员</source>
        <translation>Lives alone, with no one else in the home</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="37"/>
        <source>无子女或子女不在身边，仅与配偶同住</source>
        <translation>No children, or children live away; lives only with the spouse</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="38"/>
        <source>子女长期外出，留在户籍地生活（多见于农村）</source>
        <translation>Children work away for long periods; stays at the registered home (mostly rural)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="39"/>
        <source>日常生活需要他人照料</source>
        <translation>Needs others&apos; help in daily life</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="40"/>
        <source>认知障碍（如老年痴呆）</source>
        <translation>Cognitive impairment (such as dementia)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="41"/>
        <source>持一级、二级残疾证，或三级智力、精神残疾（江苏重度残疾人护理补贴口径）</source>
        <translation>Holds a grade 1 or 2 disability certificate, or a grade 3 intellectual or mental disability (as for Jiangsu&apos;s care allowance for severe disability)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="44"/>
        <source>享受最低生活保障</source>
        <translation>Receives the minimum living allowance (dibao)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="45"/>
        <source>特困供养人员</source>
        <translation>Supported as a person in extreme poverty</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="46"/>
        <source>独生子女伤残或死亡家庭</source>
        <translation>Family whose only child is disabled or has died</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="47"/>
        <source>低收入家庭（含低保边缘家庭）</source>
        <translation>Low-income family (including those just above the dibao line)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="48"/>
        <source>重点优抚对象：残疾军人，烈士、因公牺牲军人、病故军人遗属，在乡复员军人，带病回乡退伍军人，参战参试退役人员等享受定期抚恤补助者（不含一般退役军人）</source>
        <translation>Priority entitled groups: disabled servicemen, families of martyrs and of servicemen who died on duty or of illness, demobilised and ill veterans, veterans of wars and tests and others receiving regular pensions (not ordinary veterans)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="52"/>
        <source>80周岁及以上</source>
        <translation>Aged 80 or over</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="53"/>
        <source>90周岁及以上</source>
        <translation>Aged 90 or over</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="54"/>
        <source>100周岁及以上</source>
        <translation>Aged 100 or over</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="115"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="116"/>
        <source>需关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="117"/>
        <source>有问题</source>
        <translation>Has problems</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="118"/>
        <source>健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="119"/>
        <source>经济</source>
        <translation>Finances</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="120"/>
        <source>家庭赡养扶养</source>
        <translation>Family support</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="121"/>
        <source>居住安全</source>
        <translation>Home safety</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="122"/>
        <source>服务需求</source>
        <translation>Service needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="123"/>
        <source>表达困难</source>
        <translation>Difficulty speaking</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="124"/>
        <source>行动不便</source>
        <translation>Limited mobility</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="125"/>
        <source>反应迟缓</source>
        <translation>Slow to respond</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="126"/>
        <source>疾病控制不佳</source>
        <translation>Illness poorly controlled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="127"/>
        <source>精神状况差</source>
        <translation>Poor mental state</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="128"/>
        <source>近期住院</source>
        <translation>Recently in hospital</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="129"/>
        <source>衣食困难</source>
        <translation>Short of food or clothing</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="130"/>
        <source>就医困难</source>
        <translation>Difficulty getting medical care</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="131"/>
        <source>住房困难</source>
        <translation>Housing difficulty</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="132"/>
        <source>未享受应享政策</source>
        <translation>Missing benefits due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="133"/>
        <source>赡养扶养义务未履行</source>
        <translation>Family support not given</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="134"/>
        <source>家人很少看望</source>
        <translation>Family rarely visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="135"/>
        <source>家庭矛盾</source>
        <translation>Family conflict</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="136"/>
        <source>用电隐患</source>
        <translation>Electrical hazard</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="137"/>
        <source>燃气隐患</source>
        <translation>Gas hazard</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="138"/>
        <source>用水隐患</source>
        <translation>Water hazard</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="139"/>
        <source>房屋安全隐患</source>
        <translation>Unsafe building</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="140"/>
        <source>地面湿滑或缺扶手</source>
        <translation>Slippery floor or no handrails</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="141"/>
        <source>无紧急呼叫设备</source>
        <translation>No emergency call device</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="142"/>
        <source>康复护理</source>
        <translation>Rehabilitation nursing</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="143"/>
        <source>居家适老化改造</source>
        <translation>Home adaptation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="144"/>
        <source>助医</source>
        <translation>Help with medical visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="145"/>
        <source>跌倒</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="146"/>
        <source>走失</source>
        <translation>Wandering</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="147"/>
        <source>独居无人照应</source>
        <translation>Living alone without care</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="148"/>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="149"/>
        <source>突发疾病</source>
        <translation>Sudden illness</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="150"/>
        <source>情绪危机</source>
        <translation>Emotional crisis</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="152"/>
        <source>在家</source>
        <translation>At home</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="153"/>
        <source>不在家</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="154"/>
        <source>未见到</source>
        <translation>Not seen</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="156"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="157"/>
        <source>周</source>
        <translation>weeks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/domain_labels.py" line="158"/>
        <source>个月</source>
        <translation>months</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="37"/>
        <source>同一户核对</source>
        <translation>Same-door check</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="42"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="42"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="47"/>
        <source>选中要保留的那一户，点“合并到这一户”：同组其他家庭的成员和探访记录并入，原家庭删除。不是同一户的，不用处理。</source>
        <translation>Select the household to keep and click “Merge into this one”: the members and visits of the others in its group move there and those households are removed. Leave groups that are not one door as they are.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="52"/>
        <source>合并到这一户</source>
        <translation>Merge into this one</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="54"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="70"/>
        <source>同一户</source>
        <translation>Same door</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="70"/>
        <source>可能同一户，请核对</source>
        <translation>Maybe the same door: please check</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="77"/>
        <source>没有地址重复的家庭</source>
        <translation>No households share a door</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="87"/>
        <source>请选中要保留的那一户</source>
        <translation>Select the household to keep</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="99"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="106"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="107"/>
        <source>社区数</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="109"/>
        <source>登记情况</source>
        <translation>Registered as</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="111"/>
        <source>{0} 登记为 {1}</source>
        <translation>{0} registered {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="119"/>
        <source>同一身份证号在两个以上社区登记。请与相关社区核实老人实际居住地，由迁出社区注销。</source>
        <translation>The same ID number is registered in two or more communities. Check with them where the elder actually lives; the community they left removes the entry.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/issues_page.py" line="132"/>
        <source>跨社区重复登记：{0} 人</source>
        <translation>Registered in more than one community: {0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="65"/>
        <source>程序出了问题</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="67"/>
        <source>程序遇到了一个意外的问题，刚才的操作没有完成。</source>
        <translation>The program ran into an unexpected problem; the last action was not completed.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="70"/>
        <source>已经保存的资料都在，不受影响；刚才这一步没有保存。正在填写的窗口仍然开着，内容还在，可以检查后再试一次。</source>
        <translation>Everything saved before is safe and unaffected; this last step was not saved. A window you were filling in is still open with its content, so you can check it and try again.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="74"/>
        <source>（日志无法写入）</source>
        <translation>(the log could not be written)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="75"/>
        <source>详细记录已写入日志：{0}</source>
        <translation>The details were written to the log: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="77"/>
        <source>如果问题再次出现，请点“复制详细信息”，发给技术支持（不含身份证号和姓名）。</source>
        <translation>If this happens again, click &quot;Copy details&quot; and send them to technical support (ID numbers and names are left out).</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="89"/>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="90"/>
        <source>显示详细信息</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="91"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/error_dialog.py" line="106"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="23"/>
        <source>{0}

这一步没有保存；已经保存的资料不受影响。</source>
        <translation>{0}

This step was not saved; everything saved before is unaffected.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="24"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="25"/>
        <source>未能完成</source>
        <translation>Could not be completed</translation>
    </message>
</context>
<context>
    <name>FindingsWidget</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="99"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="108"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="109"/>
        <source>高风险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="111"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="115"/>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="152"/>
        <source>情况记录</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="118"/>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="121"/>
        <source>需求类型</source>
        <translation>Need type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="121"/>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="121"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="126"/>
        <source>添加需求</source>
        <translation>Add need</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="128"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="138"/>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="141"/>
        <source>跟进事项（填写后生成待办）</source>
        <translation>Follow-up (creates a task when filled in)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="143"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/visit_findings.py" line="163"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/forms.py" line="46"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="41"/>
        <source>编辑家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="41"/>
        <source>新增家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="42"/>
        <source>城镇（小区/楼栋/单元/室）</source>
        <translation>Urban (estate / building / entrance / flat)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="43"/>
        <source>农村（自然村/组/门牌）</source>
        <translation>Rural (village / group / house number)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="69"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="74"/>
        <source>家庭电话</source>
        <translation>Home phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="75"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="79"/>
        <source>地址预览</source>
        <translation>Address preview</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="84"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="86"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="126"/>
        <source>自然村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="126"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="126"/>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="128"/>
        <source>单元</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="126"/>
        <source>门牌号</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="128"/>
        <source>小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="128"/>
        <source>楼栋（幢）</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="128"/>
        <source>室</source>
        <translation>Flat</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="133"/>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="142"/>
        <source>这个门牌已经登记为家庭：
{0}
请在该家庭中添加成员。仍要另建一户吗？</source>
        <translation>This door is already registered as a household:
{0}
Add the members to that household instead. Create another household anyway?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="144"/>
        <source>这个地址可能与已登记的家庭是同一户（{1}）：
{0}
仍要新建一户吗？</source>
        <translation>This address may be the door of a registered household ({1}):
{0}
Create a new household anyway?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="147"/>
        <source>是否同一户</source>
        <translation>Same household?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_dialog.py" line="148"/>
        <source>地址写法不同</source>
        <translation>the address is written differently</translation>
    </message>
</context>
<context>
    <name>HouseholdVisitDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="135"/>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="255"/>
        <source>入户探访记录</source>
        <translation>Household visit record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="140"/>
        <source>未登记家庭的老人，请填写走访地址</source>
        <translation>For elders without a registered household, enter the address visited</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="157"/>
        <source>如：网格员、志愿者</source>
        <translation>e.g. grid worker, volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="159"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="160"/>
        <source>探访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="161"/>
        <source>探访方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="162"/>
        <source>同行人员</source>
        <translation>Companions</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="164"/>
        <source>家庭情况（全户填写一次）</source>
        <translation>The home (once for the whole household)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="171"/>
        <source>全户的情况记录</source>
        <translation>Notes on the whole household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="192"/>
        <source>每位老人的情况</source>
        <translation>Each elder</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="194"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="212"/>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="213"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="215"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="256"/>
        <source>入户探访还没有登记。保存为草稿，下次继续填写吗？</source>
        <translation>The household visit is not recorded yet. Save it as a draft to finish later?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="257"/>
        <source>入户探访记录（草稿已保存）</source>
        <translation>Household visit record (draft saved)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="26"/>
        <source>入户探访</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="282"/>
        <source>{0} {1}岁</source>
        <translation>{0}, {1}</translation>
    </message>
</context>
<context>
    <name>HouseholdsPanel</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="54"/>
        <source>按地址查找家庭，如：梅巷新村3幢</source>
        <translation>Find a household by address, e.g. Meixiang Xincun Building 3</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="56"/>
        <source>新增家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="57"/>
        <source>编辑家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="58"/>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="74"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="74"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="74"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="74"/>
        <source>家庭电话</source>
        <translation>Home phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="78"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="78"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="78"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="78"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="78"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="113"/>
        <source>农村</source>
        <translation>Rural</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="113"/>
        <source>城镇</source>
        <translation>Urban</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="116"/>
        <source>（只显示前{0}户，请输入地址缩小范围）</source>
        <translation>(only the first {0} households are shown; type more of the address to narrow the list)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="118"/>
        <source>{0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="168"/>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="178"/>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="189"/>
        <source>请先选中一户</source>
        <translation>Please select a household first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="59"/>
        <source>入户探访</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="60"/>
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="61"/>
        <source>把下方选中的成员拆分到另一个门牌</source>
        <translation>Move the members selected below to another door</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="62"/>
        <source>同一户核对…</source>
        <translation>Same-door check…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="63"/>
        <source>地址写法不同但可能是同一户的家庭，可合并</source>
        <translation>Households whose addresses may be one door, to merge</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/households_panel.py" line="206"/>
        <source>请先选中一户，并在下方选中要拆分出去的成员</source>
        <translation>Select a household, then the members to move out below</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="93"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="470"/>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="103"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="104"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="570"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="105"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="582"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="124"/>
        <source>请选择要导入的台账文件（.xlsx、.xls、.ods）</source>
        <translation>Choose the ledger file to import (.xlsx, .xls, .ods)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="125"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="135"/>
        <source>第一步：选择文件和工作表</source>
        <translation>Step 1: choose the file and the sheet</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="137"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="145"/>
        <source>选择台账文件</source>
        <translation>Choose ledger file</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="162"/>
        <source>文件中没有可见的工作表</source>
        <translation>The file has no visible sheet</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="178"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="285"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="383"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="178"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="178"/>
        <source>样例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="178"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="183"/>
        <source>载入列对应…</source>
        <translation>Load column mapping…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="184"/>
        <source>保存列对应…</source>
        <translation>Save column mapping…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="192"/>
        <source>第二步：核对每一列导入为哪一项</source>
        <translation>Step 2: check what each column is imported as</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="211"/>
        <source>表头在第 {0} 行；数据从第 {1} 行开始</source>
        <translation>Header on row {0}; data starts on row {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="223"/>
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="233"/>
        <source>已套用上次确认的列对应</source>
        <translation>The column mapping confirmed last time has been applied</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="233"/>
        <source>已按列名自动识别</source>
        <translation>Columns recognised by their headers</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="264"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="271"/>
        <source>载入列对应</source>
        <translation>Load column mapping</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="275"/>
        <source>保存列对应</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="285"/>
        <source>台账中的值</source>
        <translation>Value in the ledger</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="285"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="285"/>
        <source>对应为</source>
        <translation>Map to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="289"/>
        <source>以下是编码列中本软件不认识的值。每个值只需指定一次，对整个文件生效，并随列对应一起保存。未指定的值所在行会在预览中报错。</source>
        <translation>These values of coded columns are not known codes. Map each once: the choice applies to the whole file and is saved with the column mapping. Rows with a value left unmapped show as errors in the preview.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="295"/>
        <source>第二步（续）：核对非标准值</source>
        <translation>Step 2 (continued): check non-standard values</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="312"/>
        <source>正在检查非标准值</source>
        <translation>Checking non-standard values</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="332"/>
        <source>（不指定：该行报错）</source>
        <translation>(not mapped: the row is an error)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="372"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="381"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="383"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="387"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="373"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="381"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="374"/>
        <source>匹配方式</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="375"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="376"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="377"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="381"/>
        <source>与第几行重复</source>
        <translation>Duplicate of row</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="381"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="383"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="387"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="390"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="391"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="392"/>
        <source>文件内重复</source>
        <translation>Duplicates in the file</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="393"/>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="395"/>
        <source>全部导入（有错误或重复时不能导入）</source>
        <translation>Import everything (not possible while there are errors or duplicates)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="396"/>
        <source>只导入无误的行（跳过有错误和重复的行）</source>
        <translation>Import only the correct rows (skip rows with errors or duplicates)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="399"/>
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="407"/>
        <source>第三步：预览（尚未写入）</source>
        <translation>Step 3: preview (nothing written yet)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="433"/>
        <source>正在读取和检查</source>
        <translation>Reading and checking</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="476"/>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="487"/>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="520"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="523"/>
        <source>已取消导入，登记册未做任何改动</source>
        <translation>Import cancelled; the register was not changed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="530"/>
        <source>导入完成：{0}。导入前已自动备份数据库（{1}）。</source>
        <translation>Import finished: {0}. The database was backed up before the import ({1}).</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="531"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="570"/>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="582"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="387"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="387"/>
        <source>可能与之同一户</source>
        <translation>May be the same household as</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/import_dialog.py" line="394"/>
        <source>地址待确认</source>
        <translation>Addresses to check</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="50"/>
        <source>选择同步包…</source>
        <translation>Choose bundles…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="52"/>
        <source>选择文件夹（如 U 盘）…</source>
        <translation>Choose a folder (e.g. USB stick)…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="59"/>
        <source>选择社区交来的 .afcbundle 文件或所在文件夹</source>
        <translation>Choose the .afcbundle files the communities handed in, or their folder</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="68"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="69"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="70"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="71"/>
        <source>应用</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="72"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="73"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="85"/>
        <source>选择同步包</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="85"/>
        <source>同步包 (*.afcbundle)</source>
        <translation>Sync bundles (*.afcbundle)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="91"/>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="99"/>
        <source>没有找到 .afcbundle 文件</source>
        <translation>No .afcbundle file found</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="137"/>
        <source>正在导入 {0} 个同步包…</source>
        <translation>Importing {0} bundles…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="143"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="161"/>
        <source>正在导入第 {0}/{1} 个：{2}</source>
        <translation>Importing {0}/{1}: {2}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/import_page.py" line="167"/>
        <source>导入完成：{0} 个同步包，拒收 {1} 个</source>
        <translation>Import done: {0} bundles, {1} refused</translation>
    </message>
</context>
<context>
    <name>IncomingDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="33"/>
        <source>迁入待接收</source>
        <translation>People moving in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="37"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="38"/>
        <source>迁出社区</source>
        <translation>From community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="39"/>
        <source>迁出日期</source>
        <translation>Moved out on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="40"/>
        <source>能力等级</source>
        <translation>Ability grade</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="41"/>
        <source>探访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="42"/>
        <source>评估记录</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="48"/>
        <source>接收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="54"/>
        <source>区级回执带来的、从本区其他社区迁入本社区的人员。接收后在本社区登记册建立记录（登记日期为今天），原社区的探访和评估记录随人员保存，可在人员页查看。</source>
        <translation>People moving here from another community of the district, brought by the district&apos;s receipt. Accepting one adds them to this community&apos;s register (registered today); the visits and assessments of their former community stay with them and show on the person page.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="77"/>
        <source>没有待接收的迁入人员。</source>
        <translation>Nobody is waiting to move in.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="84"/>
        <source>请先选择一位迁入人员</source>
        <translation>Select a person moving in first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/incoming_dialog.py" line="93"/>
        <source>已接收：{0}，已建立本社区记录。</source>
        <translation>Accepted: {0}, now on this community&apos;s register.</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../afc_desktop/ui/jobs.py" line="109"/>
        <source>出错了，这一步没有完成；详细记录已写入日志：{0}</source>
        <translation>Something went wrong and this step was not completed; the details were written to the log: {0}</translation>
    </message>
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/jobs.py" line="188"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/jobs.py" line="209"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="25"/>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="26"/>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="27"/>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="28"/>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="29"/>
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="30"/>
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/labels.py" line="31"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="29"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="34"/>
        <source>长时间未操作，已自动锁定以保护居民信息。
请输入 {0} 的密码解锁。</source>
        <translation>Locked after a period without use, to protect residents&apos; information.
Enter {0}&apos;s password to unlock.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="41"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="47"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="50"/>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/lock_dialog.py" line="74"/>
        <source>密码不正确，请重新输入</source>
        <translation>Wrong password, please try again</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="48"/>
        <source>登录 - 老年友好社区工作台</source>
        <translation>Log in - AFC Desktop</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="50"/>
        <source>老年友好社区工作台</source>
        <translation>AFC Desktop</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="61"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="62"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="65"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="67"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/login_dialog.py" line="71"/>
        <source>忘记密码（使用恢复密钥）</source>
        <translation>Forgot password (use the recovery key)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="58"/>
        <source>登记册</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="59"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="60"/>
        <source>待办</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="61"/>
        <source>资源</source>
        <translation>Resources</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="62"/>
        <source>评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="63"/>
        <source>扫描回读</source>
        <translation>Scan read-back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="64"/>
        <source>参与</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="65"/>
        <source>统计</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="66"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="67"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="96"/>
        <source>老年友好社区工作台</source>
        <translation>AFC Desktop</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="109"/>
        <source>{0}（Alt+{1}）</source>
        <translation>{0} (Alt+{1})</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="126"/>
        <source>已锁定。请输入密码解锁。</source>
        <translation>Locked. Enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="147"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="148"/>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="152"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="156"/>
        <source>人员(&amp;P)</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="157"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="160"/>
        <source>新增人员(&amp;N)</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="164"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="171"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="172"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="180"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="180"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="182"/>
        <source>当前用户：{0}（{1}）</source>
        <translation>Signed in: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="297"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="298"/>
        <source>老年友好社区工作台
为苏州社区社工设计的离线桌面工具。</source>
        <translation>AFC Desktop (Elderly-Friendly Community Workbench)
An offline desktop tool for community social workers in Suzhou.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/main_window.py" line="57"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="64"/>
        <source>不在家或未见到的老人不记为已探访，仍在待探访名单中。</source>
        <translation>Elders who were out or not seen are not counted as visited and stay on the due list.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="66"/>
        <source>这位老人的情况记录</source>
        <translation>Notes on this elder</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_visit_dialog.py" line="72"/>
        <source>是否见到：</source>
        <translation>Seen:</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="61"/>
        <source>登记需求</source>
        <translation>Record need</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="65"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="73"/>
        <source>需求类型</source>
        <translation>Need type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="74"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="75"/>
        <source>描述</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="54"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="104"/>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="55"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="56"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="58"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="59"/>
        <source>最终等级</source>
        <translation>Final grade</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="60"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="105"/>
        <source>评估员</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="86"/>
        <source>查找人员：姓名、拼音首字母、身份证号、电话</source>
        <translation>Find a person: name, pinyin initials, ID number, phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="96"/>
        <source>请先在左侧选择人员</source>
        <translation>Please choose a person on the left first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="116"/>
        <source>新建评估</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="117"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="118"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="119"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="120"/>
        <source>打印空白表…</source>
        <translation>Print blank form…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="121"/>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="326"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="307"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="333"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="122"/>
        <source>本月评估合订PDF…</source>
        <translation>This month&apos;s assessments as one PDF…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="139"/>
        <source>表单：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="188"/>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="215"/>
        <source>%1 的评估记录</source>
        <translation>%1&apos;s assessments</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="261"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="282"/>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="294"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="299"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="323"/>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="323"/>
        <source>已定稿的评估不能删除</source>
        <translation>A finalized assessment cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="326"/>
        <source>确定删除这份评估草稿吗？</source>
        <translation>Delete this assessment draft?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="332"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="342"/>
        <source>本月评估合订PDF</source>
        <translation>This month&apos;s assessments as one PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="351"/>
        <source>正在生成第 %1/%2 份</source>
        <translation>Making %1 of %2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="380"/>
        <source>已生成 %1 份评估报告：%2</source>
        <translation>%1 assessment reports written: %2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="387"/>
        <source>正在生成PDF</source>
        <translation>Writing PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="390"/>
        <source>已取消，未生成文件</source>
        <translation>Cancelled; no file was made</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="210"/>
        <source>社区统计</source>
        <translation>Community overview</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="214"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="215"/>
        <source>重新统计（F5）</source>
        <translation>Recount (F5)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="217"/>
        <source>生成试点报告(&amp;P)…</source>
        <translation>&amp;Pilot report…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="219"/>
        <source>按行动计划的方案、中期评估、结项评估生成报告（PDF 或 Excel）</source>
        <translation>Make the action plan&apos;s plan, mid-term or final review report (PDF or Excel)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="231"/>
        <source>登记老年人</source>
        <translation>Registered elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="232"/>
        <source>本月特殊困难老年人探访率</source>
        <translation>This month&apos;s visit rate, special-hardship elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="233"/>
        <source>逾期未探访</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="234"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="48"/>
        <source>未解决需求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="235"/>
        <source>今年“微自治”项目</source>
        <translation>This year&apos;s self-governance projects</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="236"/>
        <source>居家适老化改造</source>
        <translation>Home modifications</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="249"/>
        <source>人员类别（点击查看名单）</source>
        <translation>Categories (click for the list)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="250"/>
        <source>年龄段（点击查看名单）</source>
        <translation>Age bands (click for the list)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="251"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="220"/>
        <source>能力等级</source>
        <translation>Ability grade</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="252"/>
        <source>本月探访率</source>
        <translation>This month&apos;s visit rate</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="253"/>
        <source>未解决需求（按类型）</source>
        <translation>Open needs by type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="254"/>
        <source>需求已等待</source>
        <translation>Needs waiting for</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="255"/>
        <source>养老顾问与帮办代办（统计期内）</source>
        <translation>Advisory and errand services (in the period)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="317"/>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="461"/>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="326"/>
        <source>统计失败：{0}</source>
        <translation>Counting failed: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="332"/>
        <source>统计于 {0}</source>
        <translation>Counted on {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="334"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="340"/>
        <source>其中特殊困难 {0} 人</source>
        <translation>of whom {0} special hardship</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="344"/>
        <source>已探访 {0} / 应探访 {1}，目标 100%</source>
        <translation>{0} visited / {1} due, target 100%</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="348"/>
        <source>{0} 人</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="349"/>
        <source>本期共探访 {0} 人次</source>
        <translation>{0} visits in the period</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="353"/>
        <source>{0} 项</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="354"/>
        <source>其中紧急 {0} 项</source>
        <translation>{0} urgent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="360"/>
        <source>已达到每年不少于{0}个</source>
        <translation>Target of at least {0} a year met</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="362"/>
        <source>还差 {0} 个（每年不少于{1}个）</source>
        <translation>{0} more needed (at least {1} a year)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="367"/>
        <source>{0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="368"/>
        <source>评估 {0} 户，完成改造 {1} 项</source>
        <translation>{0} homes assessed, {1} items done</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="371"/>
        <source>注：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="391"/>
        <source>全部老年人</source>
        <translation>All elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="392"/>
        <source>特殊困难老年人</source>
        <translation>Special-hardship elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="403"/>
        <source>{0}年{1}月探访率</source>
        <translation>Visit rate {1}/{0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="405"/>
        <source>目标100%</source>
        <translation>Target 100%</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="409"/>
        <source>没有未解决的需求</source>
        <translation>No open needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="424"/>
        <source>统计期内没有服务记录</source>
        <translation>No services recorded in the period</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="446"/>
        <source>保存试点报告</source>
        <translation>Save pilot report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="464"/>
        <source>正在写入文件……</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="468"/>
        <source>报告已生成</source>
        <translation>Report written</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="468"/>
        <source>试点报告已保存到：
{0}</source>
        <translation>The pilot report was saved to:
{0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="472"/>
        <source>无法生成报告</source>
        <translation>Cannot make the report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="475"/>
        <source>正在生成试点报告</source>
        <translation>Making the pilot report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="44"/>
        <source>微自治项目</source>
        <translation>Self-governance projects</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="45"/>
        <source>能人库</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="46"/>
        <source>志愿时长</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="49"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="62"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="63"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="236"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="70"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="202"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="64"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="65"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/assessments_page.py" line="57"/>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="66"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="77"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="308"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="149"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="142"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="109"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="67"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="68"/>
        <source>成效</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="78"/>
        <source>新增项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="80"/>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="112"/>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="337"/>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="342"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="88"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="431"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="97"/>
        <source>{0}年已开展自治项目 {1} 个，行动计划要求不少于 {2} 个</source>
        <translation>{1} self-governance projects in {0}; the action plan asks for at least {2}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="100"/>
        <source>（未达到）</source>
        <translation>(not met)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="122"/>
        <source>按特长查找，如 书法</source>
        <translation>Find by skill, e.g. calligraphy</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="126"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="308"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="334"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="110"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="287"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="127"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="111"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="128"/>
        <source>特长</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="129"/>
        <source>可参与时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="131"/>
        <source>愿意服务</source>
        <translation>Willing to help</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="131"/>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="173"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="262"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="424"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="131"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="262"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="424"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="133"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="74"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="145"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="116"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="227"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="134"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="141"/>
        <source>加入能人库</source>
        <translation>Add to talent pool</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="168"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="142"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="169"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="170"/>
        <source>受助老人</source>
        <translation>Elder helped</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="171"/>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="172"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="145"/>
        <source>服务内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="173"/>
        <source>低龄助高龄</source>
        <translation>Younger elders helping the oldest</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="179"/>
        <source>登记时长</source>
        <translation>Record hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/participation_page.py" line="198"/>
        <source>{0}年共 {1} 名志愿者，{2:g} 小时</source>
        <translation>{1} volunteers in {0}, {2:g} hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="87"/>
        <source>查找：姓名、拼音或首字母（如 zsf）、身份证号或后几位、电话、地址（Ctrl+F）</source>
        <translation>Find: name, pinyin or initials (e.g. zsf), ID number or its last digits, phone, address (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="90"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="56"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="93"/>
        <source>尚未告知（告知书）</source>
        <translation>Not yet informed (notice)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="95"/>
        <source>全部年龄</source>
        <translation>All ages</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="109"/>
        <source>新增人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="110"/>
        <source>新增人员（Ctrl+N）</source>
        <translation>New person (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="111"/>
        <source>新增家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="113"/>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="381"/>
        <source>移出</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="114"/>
        <source>将所选人员移出登记册（迁出、去世等）</source>
        <translation>Take the selected person off the register (moved away, died …)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="120"/>
        <source>导入台账…</source>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="121"/>
        <source>从 Excel 台账（.xlsx/.xls/.ods）导入人员</source>
        <translation>Import people from an Excel ledger (.xlsx/.xls/.ods)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="123"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="124"/>
        <source>把当前筛选出的人员导出为 Excel</source>
        <translation>Export the people shown by the current filters to Excel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="166"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="143"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="69"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="146"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="218"/>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="167"/>
        <source>家庭</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="210"/>
        <source>导出登记册</source>
        <translation>Export register</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="210"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="231"/>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="233"/>
        <source>已导出 {0} 人到 {1}</source>
        <translation>Exported {0} people to {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="235"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="273"/>
        <source>正在查找……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="282"/>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="289"/>
        <source>全部小区/自然村</source>
        <translation>All estates / villages</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="337"/>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="381"/>
        <source>请先在列表中选中一位人员</source>
        <translation>Please select a person in the list first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/register_page.py" line="367"/>
        <source>迁入待接收（{0}）…</source>
        <translation>People moving in ({0})…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="45"/>
        <source>社区资源</source>
        <translation>Community resources</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="46"/>
        <source>养老顾问与帮办代办</source>
        <translation>Advisory and errand services</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="60"/>
        <source>全部服务</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="64"/>
        <source>名称、地址或联系人</source>
        <translation>Name, address or contact</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="70"/>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="144"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="112"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="353"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="71"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="416"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="72"/>
        <source>提供的服务</source>
        <translation>Services offered</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="73"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="75"/>
        <source>服务时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="76"/>
        <source>服务能力</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="77"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="460"/>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="78"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="143"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="117"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="219"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="299"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="86"/>
        <source>新增资源</source>
        <translation>New resource</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="90"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="432"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="131"/>
        <source>删除资源</source>
        <translation>Delete resource</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="131"/>
        <source>删除资源“{0}”？</source>
        <translation>Delete the resource “{0}”?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="146"/>
        <source>用时（分钟）</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="147"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="148"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="207"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="290"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="155"/>
        <source>登记服务</source>
        <translation>Record service</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="178"/>
        <source>本月：{0}；服务 {1} 人</source>
        <translation>This month: {0}; {1} people served</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="107"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="108"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="110"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="113"/>
        <source>底册规则</source>
        <translation>Register rules</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="114"/>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="130"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="131"/>
        <source>从不锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="135"/>
        <source>大字显示（重新启动后生效）</source>
        <translation>Large text (after a restart)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="136"/>
        <source>每天第一次启动时自动备份</source>
        <translation>Back up automatically at the first start each day</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="139"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="144"/>
        <source>无操作自动锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="145"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="146"/>
        <source>（重新启动后生效）</source>
        <translation>(takes effect after a restart)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="149"/>
        <source>每种备份保留份数</source>
        <translation>Backups kept of each kind</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="160"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="164"/>
        <source>&lt;b&gt;修改我的密码&lt;/b&gt;</source>
        <translation>&lt;b&gt;Change my password&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="165"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="166"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="167"/>
        <source>再次输入新密码</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="178"/>
        <source>只有管理员可以修改设置</source>
        <translation>Only an administrator can change settings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="209"/>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="218"/>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords do not match</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="229"/>
        <source>密码已修改，下次登录请用新密码</source>
        <translation>Password changed; use the new one next time you log in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="236"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="468"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="236"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="236"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="237"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="238"/>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="284"/>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="290"/>
        <source>请先在列表中选中要恢复的备份</source>
        <translation>Please select the backup to restore first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="295"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="297"/>
        <source>将把数据恢复到 {0} 的备份。
当前数据会先另存一份（恢复前备份）。
程序会关闭数据库，恢复后请重新登录。确定恢复吗？</source>
        <translation>The data will be restored to the backup of {0}.
The current data is saved first (pre-restore backup).
The database will be closed; log in again after the restore. Restore now?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="308"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="333"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="308"/>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="336"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="309"/>
        <source>停用/启用所选账号</source>
        <translation>Disable / enable selected account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="311"/>
        <source>解锁所选账号</source>
        <translation>Unlock selected account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="312"/>
        <source>连续输错密码被暂时锁定的账号，可以立即解锁</source>
        <translation>An account locked after wrong passwords can be unlocked at once</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="316"/>
        <source>所选账号的新密码（重设或重新启用时）</source>
        <translation>New password for the selected account (reset or re-enable)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="317"/>
        <source>为所选账号设新密码</source>
        <translation>Set a new password for the selected account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="319"/>
        <source>生成新的恢复密钥…</source>
        <translation>Make a new recovery key…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="328"/>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="335"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="352"/>
        <source>添加社工或管理员账号</source>
        <translation>Add a social-worker or administrator account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="368"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="368"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="390"/>
        <source>已添加账号 {0}</source>
        <translation>Account {0} added</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="399"/>
        <source>请先选中一个账号</source>
        <translation>Please select an account first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="412"/>
        <source>已解锁账号 {0}</source>
        <translation>Account {0} unlocked</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="424"/>
        <source>已为 {0} 设置新密码</source>
        <translation>New password set for {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="435"/>
        <source>生成新的恢复密钥</source>
        <translation>Make a new recovery key</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="436"/>
        <source>生成后，保险柜里原来的恢复密钥立即作废。继续吗？</source>
        <translation>The recovery key in the safe stops working at once. Continue?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="447"/>
        <source>已生成新的恢复密钥，旧的已作废</source>
        <translation>New recovery key made; the old one no longer works</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="460"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="424"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="461"/>
        <source>已{0}账号 {1}</source>
        <translation>Account {1}: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="468"/>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="468"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="468"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="469"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="127"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="89"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="472"/>
        <source>最近300条操作记录</source>
        <translation>The latest 300 actions</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="47"/>
        <source>跟进待办</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="49"/>
        <source>到期复评</source>
        <translation>Re-assessments due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="59"/>
        <source>今天及逾期</source>
        <translation>Today and overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="60"/>
        <source>7天内</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="61"/>
        <source>30天内</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="62"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="84"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="67"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="68"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="252"/>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="71"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="78"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="106"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="113"/>
        <source>新增待办</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="80"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="163"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="82"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="130"/>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="136"/>
        <source>取消待办</source>
        <translation>Cancel task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="100"/>
        <source>共 {0} 项，逾期 {1} 项</source>
        <translation>{0} tasks, {1} overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="106"/>
        <source>待办事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="123"/>
        <source>完成待办</source>
        <translation>Complete task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="130"/>
        <source>取消原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="144"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="145"/>
        <source>已过天数</source>
        <translation>Days open</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="147"/>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="148"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="151"/>
        <source>转介给</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="153"/>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="159"/>
        <source>登记需求</source>
        <translation>Record need</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="161"/>
        <source>转介</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="163"/>
        <source>更改状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="180"/>
        <source>未解决需求 {0} 项</source>
        <translation>{0} open needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="217"/>
        <source>应复评日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="219"/>
        <source>上次评估</source>
        <translation>Last assessed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="221"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="184"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/tasks_page.py" line="239"/>
        <source>30天内到期 {0} 人，今天及逾期 {1} 人</source>
        <translation>{0} due within 30 days, {1} due today or overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="66"/>
        <source>待探访</source>
        <translation>Due visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="68"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="69"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="357"/>
        <source>探访率</source>
        <translation>Visit rate</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="70"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="468"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="497"/>
        <source>探访频次</source>
        <translation>Visit cadence</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="81"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="205"/>
        <source>逾期和今天</source>
        <translation>Overdue and today</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="82"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="206"/>
        <source>本周内</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="83"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="207"/>
        <source>本月内</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="87"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="182"/>
        <source>登记探访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="94"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="238"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="95"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="96"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="97"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="98"/>
        <source>以后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="237"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="103"/>
        <source>逾期{0}天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="108"/>
        <source>应访日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="113"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="419"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="114"/>
        <source>上次探访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="114"/>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="115"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="115"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="127"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="235"/>
        <source>到期：</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="276"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="150"/>
        <source>读取失败</source>
        <translation>Could not load</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="272"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="167"/>
        <source>正在计算……</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="173"/>
        <source>共 {0} 人，逾期 {1} 人</source>
        <translation>{0} people, {1} overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="182"/>
        <source>请先在名单中选择一位老人</source>
        <translation>Please choose an elder in the list first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="206"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="288"/>
        <source>探访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="289"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="292"/>
        <source>保存时间</source>
        <translation>Saved at</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="213"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="305"/>
        <source>继续填写</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="333"/>
        <source>删除 {0} 的探访草稿？</source>
        <translation>Delete {0}&apos;s visit draft?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="354"/>
        <source>应探访</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="355"/>
        <source>已探访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="368"/>
        <source>探访率 = 当月已探访 ÷ 当月应探访。国家要求 2025 年底特殊困难老年人月探访率达到 100%。</source>
        <translation>Visit rate = visited in the month ÷ due in the month. The national target is a 100% monthly visit rate for special-hardship elders by the end of 2025.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="374"/>
        <source>年</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="376"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="401"/>
        <source>特殊困难</source>
        <translation>Special hardship</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="411"/>
        <source>{0}岁及以上</source>
        <translation>{0} and over</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="412"/>
        <source>所有老年人</source>
        <translation>All elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="417"/>
        <source>适用</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="420"/>
        <source>每{0}{1}至少探访一次</source>
        <translation>Once every {0} {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="425"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="430"/>
        <source>新增规则</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="433"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="445"/>
        <source>多条规则同时适用时，按最频繁的一条安排探访。默认规则中“每月”为国家要求的最低频次，“高风险每周”和“其他老年人每季度”为本地选择，管理员可修改。</source>
        <translation>When several rules apply, the most frequent one sets the visits. In the default rules, &quot;monthly&quot; is the national minimum; &quot;weekly for high risk&quot; and &quot;quarterly for other elders&quot; are local choices an administrator can change.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="64"/>
        <source>选择扫描件文件夹…</source>
        <translation>Choose a folder of scans…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="66"/>
        <source>把扫描的 PDF 或照片放在一个文件夹里，然后选择该文件夹。</source>
        <translation>Put the scanned PDFs or photos in one folder, then choose that folder.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="87"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="87"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="87"/>
        <source>读出的回答</source>
        <translation>Answer read</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="100"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="218"/>
        <source>确认并定稿</source>
        <translation>Confirm and finalise</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="126"/>
        <source>选择扫描件文件夹</source>
        <translation>Choose a folder of scans</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="135"/>
        <source>已读取 %1 页</source>
        <translation>%1 pages read</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="148"/>
        <source>正在读取扫描件</source>
        <translation>Reading the scans</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="157"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="320"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="340"/>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="389"/>
        <source>扫描回读</source>
        <translation>Scan read-back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="163"/>
        <source>读取 %1 页：%2 份表，%3 页未能识别</source>
        <translation>Read %1 pages: %2 sheets, %3 pages not identified</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="173"/>
        <source>%1 处待确认</source>
        <translation>%1 to check</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="179"/>
        <source>未识别：%1（%2）</source>
        <translation>Not identified: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="202"/>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="214"/>
        <source>打开探访草稿核对并登记…</source>
        <translation>Open the visit draft to check and record…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="216"/>
        <source>打开入户探访草稿核对并登记…</source>
        <translation>Open the household visit draft to check and record…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="234"/>
        <source>是否见到</source>
        <translation>Seen?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="236"/>
        <source>待确认</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="236"/>
        <source>请按纸面核对</source>
        <translation>Check against the paper</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="258"/>
        <source>（未答）</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="286"/>
        <source>扫描件已移动或删除</source>
        <translation>The scan was moved or deleted</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="323"/>
        <source>该探访已经登记</source>
        <translation>This visit is already recorded</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="343"/>
        <source>该入户探访已经登记</source>
        <translation>This household visit is already recorded</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/scan_page.py" line="392"/>
        <source>已定稿：%1</source>
        <translation>Finalised: %1</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="252"/>
        <source>备份保存在：{0}
每天第一次启动、退出程序、升级和批量导入前都会自动备份。</source>
        <translation>Backups are kept in: {0}
A backup is made automatically at the first start each day, on exit, and before upgrades and imports.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="67"/>
        <source>按户（走访路线）</source>
        <translation>By household (route)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="42"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="43"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="44"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="45"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="46"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="47"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="48"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="129"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="214"/>
        <source>打印走访路线…</source>
        <translation>Print visit route…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="131"/>
        <source>本周名单</source>
        <translation>This week&apos;s list</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="143"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="219"/>
        <source>（未登记家庭）</source>
        <translation>(no registered household)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="144"/>
        <source>到期老人</source>
        <translation>Elders due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="152"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="203"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="331"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="212"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="263"/>
        <source>入户探访</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="157"/>
        <source>今天没有到期的探访。可点“本周名单”看看本周、本月要探访的老人。</source>
        <translation>No visits due today. Click “This week&apos;s list” to see the elders due this week or this month.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="166"/>
        <source>今天没有到期的待办。新的跟进事项会在登记探访时生成。</source>
        <translation>No tasks due today. New follow-ups are created when you record a visit.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="172"/>
        <source>已跟进</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="177"/>
        <source>今天没有要跟进的需求。需求转介后会自动生成跟进提醒。</source>
        <translation>No needs to follow up today. A reminder is created when a need is referred.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="182"/>
        <source>应复评</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="191"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="362"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="368"/>
        <source>开始复评</source>
        <translation>Start re-assessment</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="196"/>
        <source>今天没有到期的复评。评估定稿满一年或探访记录跌倒、住院后会出现在这里。</source>
        <translation>No re-assessment is due today. People appear here a year after a finalised assessment, or after a visit records a fall or a hospital stay.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="203"/>
        <source>探访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="362"/>
        <source>请先选择一位老人</source>
        <translation>Select an elder first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="183"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="205"/>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="251"/>
        <source>对象</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="218"/>
        <source>没有未完成的草稿。探访中途可点“保存草稿”，回来接着填。</source>
        <translation>No unfinished drafts. During a visit, click “Save draft” to finish it later.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="242"/>
        <source>（高风险）</source>
        <translation> (high risk)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="250"/>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="299"/>
        <source>今天要走访的家庭：{0} 户，{1} 位老人（逾期 {2} 位）</source>
        <translation>Households to visit today: {0}, {1} elders ({2} overdue)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="303"/>
        <source>到期待办：{0} 项</source>
        <translation>Tasks due: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="306"/>
        <source>需求跟进：{0} 项</source>
        <translation>Need follow-ups: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="313"/>
        <source>到期复评：{0} 人</source>
        <translation>Re-assessments due: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="315"/>
        <source>未完成的草稿：{0} 份</source>
        <translation>Unfinished drafts: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="317"/>
        <source>今天没有到期的探访和待办。</source>
        <translation>Nothing due today.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="319"/>
        <source>逾期的在前；双击一行即可开始处理。</source>
        <translation>Overdue first; double-click a row to act on it.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="331"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="263"/>
        <source>请先选择一户</source>
        <translation>Select a household first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/today_page.py" line="354"/>
        <source>待办</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="221"/>
        <source>到期老人（最紧急在前）</source>
        <translation>Elders due (most urgent first)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="255"/>
        <source>共 {0} 户、{1} 人，逾期 {2} 人</source>
        <translation>{0} households, {1} elders, {2} overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="174"/>
        <source>{0} {1} 次</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="179"/>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="412"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/resources_page.py" line="179"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/visits_page.py" line="406"/>
        <source>或</source>
        <translation> or </translation>
    </message>
</context>
<context>
    <name>PersonDailyPanel</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="42"/>
        <source>登记探访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="47"/>
        <source>登记需求</source>
        <translation>Record need</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="49"/>
        <source>打印探访记录</source>
        <translation>Print visit record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="50"/>
        <source>打印所选的探访记录（探访记录表）</source>
        <translation>Print the selected visit (visit record sheet)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="61"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="62"/>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="63"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="65"/>
        <source>转介给</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="67"/>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="75"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="77"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="78"/>
        <source>（草稿）</source>
        <translation>(draft)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="80"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="81"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="81"/>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="82"/>
        <source>情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="90"/>
        <source>未解决需求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="92"/>
        <source>探访记录（双击草稿继续填写）</source>
        <translation>Visits (double-click a draft to continue)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="136"/>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="141"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="136"/>
        <source>请先选择一条探访记录</source>
        <translation>Please select a visit first</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="44"/>
        <source>入户探访（全户）</source>
        <translation>Household visit (everyone)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/widgets/person_daily_panel.py" line="45"/>
        <source>一次走访，登记同户每位老人的情况</source>
        <translation>One visit, recording each elder of the household</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="70"/>
        <source>编辑人员：{0}</source>
        <translation>Edit person: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="70"/>
        <source>新增人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="85"/>
        <source>18位，最后一位可以是X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="88"/>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="107"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="89"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="90"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="93"/>
        <source>手机11位，或 0512-65123456</source>
        <translation>11-digit mobile, or 0512-65123456</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="97"/>
        <source>按地址查找家庭</source>
        <translation>Find household by address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="98"/>
        <source>新建家庭…</source>
        <translation>New household…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="104"/>
        <source>列入老年人登记册</source>
        <translation>On the register of elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="112"/>
        <source>本人已同意登记和使用其信息</source>
        <translation>The person agreed to be registered and to the use of their information</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="130"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="131"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="132"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="133"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="134"/>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="228"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="135"/>
        <source>所属家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="136"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="137"/>
        <source>居住情况</source>
        <translation>Living arrangement</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="141"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="146"/>
        <source>知情同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="149"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="166"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="169"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="207"/>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="224"/>
        <source>紧急联系人</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="226"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="227"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="249"/>
        <source>确认不是同一人，仍然保存</source>
        <translation>Not the same person: save anyway</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="250"/>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="291"/>
        <source>（不属于任何家庭）</source>
        <translation>(no household)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="294"/>
        <source>{0}（{1}人）</source>
        <translation>{0} ({1} people)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="347"/>
        <source>出生日期不能晚于今天</source>
        <translation>The date of birth cannot be after today</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="364"/>
        <source>按年龄自动计算：{0}</source>
        <translation>From the age: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="425"/>
        <source>登记册里可能已有此人：</source>
        <translation>This person may already be on the register:</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_dialog.py" line="363"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_picker.py" line="31"/>
        <source>选择人员</source>
        <translation>Choose person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_picker.py" line="34"/>
        <source>姓名、拼音首字母、身份证号后几位、电话或地址</source>
        <translation>Name, pinyin initials, last digits of the ID number, phone or address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_picker.py" line="57"/>
        <source>{0}岁</source>
        <translation>{0} years</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="29"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="30"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="31"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="32"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="33"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="34"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="35"/>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/models/person_table_model.py" line="36"/>
        <source>能力等级</source>
        <translation>Ability grade</translation>
    </message>
</context>
<context>
    <name>PersonViewDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="56"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="57"/>
        <source>家庭</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="58"/>
        <source>走访与需求</source>
        <translation>Visits and needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="61"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="62"/>
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="63"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="65"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="67"/>
        <source>打印告知书…</source>
        <translation>Print notice…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="69"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="249"/>
        <source>记录已告知</source>
        <translation>Record notice given</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="86"/>
        <source>人员详情：{0}</source>
        <translation>Person: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="105"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="194"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="106"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="107"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="195"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="108"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="109"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="196"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="109"/>
        <source>{0}岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="110"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="197"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="111"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="112"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="114"/>
        <source>居住情况</source>
        <translation>Living arrangement</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="117"/>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="118"/>
        <source>按年龄</source>
        <translation>By age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="119"/>
        <source>能力等级</source>
        <translation>Ability grade</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="121"/>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="124"/>
        <source>紧急联系人</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="125"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="127"/>
        <source>告知日期</source>
        <translation>Notice given on</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="128"/>
        <source>尚未告知</source>
        <translation>Not yet informed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="131"/>
        <source>知情同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="132"/>
        <source>已同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="134"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="136"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="150"/>
        <source>区级汇总发现此身份证号也登记在：{0}。请与相关社区核实，避免重复登记。</source>
        <translation>The district found this ID number registered in {0} as well. Please check with that community to avoid a double registration.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="156"/>
        <source>跨社区重复</source>
        <translation>Registered in another community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="165"/>
        <source>{0} 探访：{1}</source>
        <translation>{0} visit: {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="168"/>
        <source>{0} 评估：{1}</source>
        <translation>{0} assessment: {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="171"/>
        <source>迁入自{0}</source>
        <translation>Moved in from {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="175"/>
        <source>原社区记录</source>
        <translation>Former community&apos;s records</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="183"/>
        <source>未关联家庭</source>
        <translation>No household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="188"/>
        <source>地址：{0}    家庭电话：{1}</source>
        <translation>Address: {0}    Home phone: {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="198"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="209"/>
        <source>双击打开该成员的详情</source>
        <translation>Double-click to open this member&apos;s details</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="233"/>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="243"/>
        <source>打印告知书</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="250"/>
        <source>今天已向“{0}”告知个人信息收集使用事项。本人是否同意？</source>
        <translation>The notice on personal information was given to &quot;{0}&quot; today. Do they consent?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="96"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="96"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/person_view.py" line="97"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../afc_desktop/ui/pages/placeholder.py" line="16"/>
        <source>“{0}”功能尚未建成，将在后续版本中提供。</source>
        <translation>“{0}” is not built yet; it will come in a later version.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/print_preview.py" line="135"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="96"/>
        <source>自治项目</source>
        <translation>Self-governance project</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="116"/>
        <source>从登记册添加</source>
        <translation>Add from the register</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="119"/>
        <source>或直接输入姓名</source>
        <translation>or type a name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="121"/>
        <source>角色，如 召集人</source>
        <translation>Role, e.g. convener</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="122"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="124"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="129"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="130"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="131"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="132"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="133"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="134"/>
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="135"/>
        <source>成效</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="136"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="136"/>
        <source>使用恢复密钥</source>
        <translation>Use the recovery key</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="138"/>
        <source>输入保险柜中打印的恢复密钥（32个字母和数字），再为一个账号设置新密码。</source>
        <translation>Enter the printed recovery key from the safe (32 letters and digits), then set a new password for an account.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="152"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="153"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="154"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="155"/>
        <source>再次输入新密码</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="160"/>
        <source>设置新密码并登录</source>
        <translation>Set new password and log in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="171"/>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords do not match</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="111"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="44"/>
        <source>这是本机的恢复密钥，只显示这一次。所有密码都忘记、或管理员离职时，只有它能打开本机的数据和备份。请打印或抄写下来，锁进办公室保险柜，不要和电脑放在一起，也不要拍照或存在电脑、手机里。</source>
        <translation>This is the recovery key of this computer, shown only this once. When every password is forgotten, or the administrator leaves, only it opens this computer&apos;s data and backups. Print or copy it, lock it in the office safe, keep it away from the computer, and do not photograph it or store it on a computer or phone.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="58"/>
        <source>打印恢复密钥…</source>
        <translation>Print recovery key…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="60"/>
        <source>我已打印或抄写恢复密钥，并会锁进保险柜</source>
        <translation>I have printed or copied the recovery key and will lock it in the safe</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="84"/>
        <source>老年友好社区工作台 恢复密钥</source>
        <translation>AFC Desktop recovery key</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/recovery_dialogs.py" line="89"/>
        <source>忘记密码时：在登录窗口点“忘记密码（使用恢复密钥）”，输入本密钥和新密码。本页请锁进保险柜；遗失或泄露时，请管理员在“设置 → 账号”中生成新的恢复密钥。</source>
        <translation>If a password is forgotten: click &quot;Forgot password (use the recovery key)&quot; in the login window and enter this key and a new password. Keep this page in the safe; if it is lost or seen by others, an administrator makes a new recovery key under Settings → Accounts.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="190"/>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="191"/>
        <source>本机数据已加密。请打印或抄写下面的恢复密钥。</source>
        <translation>The data on this computer is encrypted. Print or copy the recovery key below.</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="91"/>
        <source>转介</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="95"/>
        <source>请选择资源</source>
        <translation>Please choose a resource</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="111"/>
        <source>转介给</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="112"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RemovePersonDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="36"/>
        <source>移出登记册</source>
        <translation>Remove from the register</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="46"/>
        <source>如：迁往某社区、入住养老机构（原因为“其他”时必填）</source>
        <translation>e.g. moved to another community, entered a care home (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="49"/>
        <source>12位统计用区划代码</source>
        <translation>12-digit statistical area code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="51"/>
        <source>接收社区的12位统计用区划代码；填写后由区级转给接收社区</source>
        <translation>The receiving community&apos;s 12-digit statistical area code; the district then hands the person over to it</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="58"/>
        <source>移出原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="59"/>
        <source>移出日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="60"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="61"/>
        <source>接收社区代码</source>
        <translation>Receiving community code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/remove_person_dialog.py" line="70"/>
        <source>将“{0}”移出登记册。记录会保留，可重新登记。</source>
        <translation>Remove &quot;{0}&quot; from the register. The record is kept and can be registered again.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="128"/>
        <source>生成试点报告</source>
        <translation>Pilot report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="140"/>
        <source>PDF（打印、报送）</source>
        <translation>PDF (to print and submit)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="141"/>
        <source>Excel（继续编辑）</source>
        <translation>Excel (to keep editing)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="143"/>
        <source>报告阶段(&amp;S)</source>
        <translation>&amp;Stage</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="144"/>
        <source>统计开始(&amp;F)</source>
        <translation>Period &amp;from</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="145"/>
        <source>统计结束(&amp;T)</source>
        <translation>Period &amp;to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="146"/>
        <source>文件格式(&amp;M)</source>
        <translation>For&amp;mat</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="150"/>
        <source>生成(&amp;G)</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="151"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="161"/>
        <source>统计期间有误</source>
        <translation>Wrong period</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/overview_page.py" line="161"/>
        <source>统计结束日期不能早于开始日期。</source>
        <translation>The end of the period cannot be before its start.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="40"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="44"/>
        <source> 月</source>
        <translation> mo</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="45"/>
        <source>统计</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="47"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="49"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="52"/>
        <source>统计月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="66"/>
        <source>特殊困难老年人月探访率：按社区</source>
        <translation>Monthly visit rate of elders in special hardship, by community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="68"/>
        <source>特殊困难老年人月探访率：按街道</source>
        <translation>Monthly visit rate of elders in special hardship, by street</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="80"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="81"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="82"/>
        <source>试点</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="82"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="83"/>
        <source>老年人</source>
        <translation>Elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="84"/>
        <source>特殊困难</source>
        <translation>Special hardship</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="86"/>
        <source>月探访率</source>
        <translation>Monthly visit rate</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="89"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="90"/>
        <source>未办结需求</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="91"/>
        <source>微自治</source>
        <translation>Self-governance projects</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="92"/>
        <source>适老化改造</source>
        <translation>Home modifications</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="93"/>
        <source>最近报送</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="93"/>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="113"/>
        <source>{0}年{1}月 特殊困难老年人月探访率（全区）：{2}（已访 {3} / 应访 {4}）</source>
        <translation>{0}-{1} monthly visit rate of elders in special hardship (district): {2} (visited {3} / due {4})</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="117"/>
        <source>口径：</source>
        <translation>Definition: </translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="129"/>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="138"/>
        <source>目标 100%</source>
        <translation>Target 100%</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="130"/>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="139"/>
        <source>花名册是空的</source>
        <translation>The roster is empty</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="148"/>
        <location filename="../../afc_desktop/ui/district/report_page.py" line="155"/>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="40"/>
        <source>编辑资源</source>
        <translation>Edit resource</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="40"/>
        <source>新增资源</source>
        <translation>New resource</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="49"/>
        <source>如：床位20张、每天供餐60份</source>
        <translation>e.g. 20 beds, 60 meals a day</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="51"/>
        <source>如：周一至周五 8:30-17:00</source>
        <translation>e.g. Mon–Fri 8:30-17:00</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="60"/>
        <source>可以转介（在用）</source>
        <translation>Can take referrals (active)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="63"/>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="64"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="65"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="66"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="67"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="68"/>
        <source>服务能力</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="69"/>
        <source>服务时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="70"/>
        <source>提供的服务</source>
        <translation>Services offered</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/resource_dialog.py" line="72"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="40"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="42"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="44"/>
        <source>设为试点 / 取消试点</source>
        <translation>Pilot on / off</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="48"/>
        <source>未报送：超过</source>
        <translation>Not reported: more than</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="54"/>
        <source>社区代码</source>
        <translation>Community code</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="55"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="56"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="57"/>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="96"/>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="101"/>
        <source>试点</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="57"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="58"/>
        <source>密钥</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="59"/>
        <source>最近报送</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="59"/>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="60"/>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="61"/>
        <source>暂存</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="62"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="63"/>
        <source>提醒</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="79"/>
        <source>截至 {0}：花名册 {1} 个社区，未报送 {2} 个</source>
        <translation>As of {0}: {1} communities on the roster, {2} not reported</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="86"/>
        <source>未报送（超过 {0} 天没有同步包，或从未报送）：{1}</source>
        <translation>Not reported (no bundle for more than {0} days, or never): {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/district/roster_page.py" line="96"/>
        <source>请先在表中选择一个社区</source>
        <translation>Select a community in the table first</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="35"/>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="141"/>
        <source>打印走访路线</source>
        <translation>Print visit route</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="40"/>
        <source> 天内到期（含逾期）</source>
        <translation> days ahead (overdue included)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="47"/>
        <source>先印走访路线单（按小区、楼栋、单元、室的走访顺序），再为每户印一份入户探访记录；身份证号只印后四位。</source>
        <translation>First the route sheet (in walking order: estate, building, unit, room), then a household visit record for each door; ID numbers show only their last four digits.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="55"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="57"/>
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="59"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="62"/>
        <source>今后</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="85"/>
        <source>共 {0} 户、{1} 位老人</source>
        <translation>{0} households, {1} elders</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="87"/>
        <source>这段时间没有到期的探访。可以把天数放宽一些。</source>
        <translation>No visits due in this period. Try more days.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="103"/>
        <source>打印预览：走访路线</source>
        <translation>Print preview: visit route</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="112"/>
        <source>正在生成第 %1/%2 户</source>
        <translation>Household %1 of %2</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="127"/>
        <source>正在生成PDF</source>
        <translation>Making the PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="146"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/route_dialog.py" line="137"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="34"/>
        <source>能力完好</source>
        <translation>Intact ability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="35"/>
        <source>轻度失能</source>
        <translation>Mild disability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="36"/>
        <source>中度失能</source>
        <translation>Moderate disability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="37"/>
        <source>重度失能</source>
        <translation>Severe disability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="38"/>
        <source>完全失能</source>
        <translation>Complete disability</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="41"/>
        <source>探访记录跌倒</source>
        <translation>A visit records a fall</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="42"/>
        <source>探访记录近期住院</source>
        <translation>A visit records a recent hospital stay</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="70"/>
        <source> 周岁</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="74"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="81"/>
        <source>低龄助高龄（本地选择）</source>
        <translation>Younger elders helping the oldest (local choice)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="84"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="88"/>
        <source>志愿者年龄</source>
        <translation>Helper&apos;s age</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="89"/>
        <source>受助人年龄（及以上）</source>
        <translation>Helped person&apos;s age (and over)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="91"/>
        <source>计入“失能”的能力等级（本地选择）</source>
        <translation>Ability grades that count as “disabled” (local choice)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="95"/>
        <source>评估定稿时按此规则设置或取消“失能”类别，探访频次随之调整。</source>
        <translation>When an assessment is finalised, this rule sets or clears the “disabled” category, and the visit cadence follows.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="98"/>
        <source>复评（本地选择）</source>
        <translation>Re-assessment (local choice)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="104"/>
        <source>定稿后复评间隔</source>
        <translation>Re-assess after</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="105"/>
        <source>立即复评</source>
        <translation>Re-assess at once when</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="107"/>
        <source>保存规则</source>
        <translation>Save rules</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="109"/>
        <source>恢复默认值</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="119"/>
        <source>这些规则来源文件没有规定，由本社区决定。修改后，复评名单和低龄助高龄统计立即按新规则计算；已登记人员的“失能”类别在下次评估定稿时按新规则调整。</source>
        <translation>The source documents leave these rules open; the community decides them. After a change, the re-assessment list and the younger-helps-older figures follow the new rules at once; a registered person&apos;s “disabled” category follows them at their next finalised assessment.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="159"/>
        <source>只有管理员可以修改底册规则</source>
        <translation>Only an administrator can change the register rules</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_rules.py" line="204"/>
        <source>底册规则已保存。</source>
        <translation>The register rules were saved.</translation>
    </message>
</context>
<context>
    <name>ScoredChoiceEditor</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/item_editors.py" line="71"/>
        <source>%1分</source>
        <translation>%1 pts</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="39"/>
        <source>登记服务</source>
        <translation>Record service</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="50"/>
        <source>做了什么，如：代为申请高龄津贴</source>
        <translation>What was done, e.g. applied for the old-age allowance on their behalf</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="53"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="55"/>
        <source>结果，如：已受理</source>
        <translation>Outcome, e.g. application accepted</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="58"/>
        <source>服务类别</source>
        <translation>Kind of service</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="59"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="60"/>
        <source>服务内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="61"/>
        <source>用时</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/service_dialog.py" line="62"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="3"/>
        <source>Excel日期序号60（1900年2月29日）不存在</source>
        <translation>Excel date serial 60 (29 February 1900) does not exist</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="4"/>
        <source>YAML 格式错误：{0}</source>
        <translation>YAML format error: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="5"/>
        <source>{0} {1}：{2} 不是可选的分值</source>
        <translation>{0} {1}: {2} is not one of the possible scores</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="6"/>
        <source>{0} {1}：必填，尚未填写</source>
        <translation>{0} {1}: required, not yet answered</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="7"/>
        <source>{0} 不是文件夹，不能在其中写入文件</source>
        <translation>{0} is not a folder; files cannot be written into it</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="8"/>
        <source>{0} 不是文件，不能用来恢复</source>
        <translation>{0} is not a file; it cannot be used to restore</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="9"/>
        <source>{0} 不是普通文件（可能是设备），不能写入</source>
        <translation>{0} is not a regular file (perhaps a device); it cannot be written</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="10"/>
        <source>{0} 尚未初始化：请先运行 afc-district init</source>
        <translation>{0} is not set up yet: run afc-district init first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="11"/>
        <source>{0} 是一个文件夹：请在后面加上要写入的文件名</source>
        <translation>{0} is a folder: add the name of the file to write after it</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="12"/>
        <source>{0} 是一个文件，不是文件夹</source>
        <translation>{0} is a file, not a folder</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="13"/>
        <source>{0} 是文件夹，请选择一张照片</source>
        <translation>{0} is a folder: choose a photo</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="14"/>
        <source>{0}不是这个家庭的成员</source>
        <translation>{0} is not a member of this household</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="15"/>
        <source>{0}不能晚于今天</source>
        <translation>{0} cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="16"/>
        <source>{0}内容不完整：{1} (community code or secret malformed)</source>
        <translation>{0} is incomplete: {1} (community code or secret malformed)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="17"/>
        <source>{0}太长（最多{1}个字）</source>
        <translation>{0} is too long (at most {1} characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="18"/>
        <source>{0}已损坏：{1} (damaged: {2})</source>
        <translation>{0} is damaged: {1} (damaged: {2})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="19"/>
        <source>{0}应写成 年-月，如 2026-11，收到「{1}」</source>
        <translation>{0} should be year-month, like 2026-11; got “{1}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="20"/>
        <source>{0}格式不对：{1} (not an enrolment file)</source>
        <translation>{0} has the wrong format: {1} (not an enrolment file)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="21"/>
        <source>{0}格式不对：{1} (not an {2} file)</source>
        <translation>{0} has the wrong format: {1} (not an {2} file)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="22"/>
        <source>{0}版本未知或过新：{1} (unsupported version)</source>
        <translation>{0} has an unknown or newer version: {1} (unsupported version)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="23"/>
        <source>{0}版本过新：{1} (file version newer than supported)</source>
        <translation>{0} is of a newer version: {1} (file version newer than supported)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="24"/>
        <source>{0}签名无效，可能被改动：{1} (signature invalid)</source>
        <translation>{0} has an invalid signature and may have been altered: {1} (signature invalid)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="25"/>
        <source>{0}请选择在家、不在家或未见到</source>
        <translation>{0}: choose at home, not at home or not seen</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="26"/>
        <source>{0}重复列出</source>
        <translation>{0} is listed twice</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="27"/>
        <source>{0}：{1} 不是可选的选项</source>
        <translation>{0}: {1} is not one of the options</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="28"/>
        <source>{0}：{1} 大于上限 {2}</source>
        <translation>{0}: {1} is above the maximum {2}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="29"/>
        <source>{0}：{1} 小于下限 {2}</source>
        <translation>{0}: {1} is below the minimum {2}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="30"/>
        <source>{0}：“{1}” 不能与其他选项同时选择</source>
        <translation>{0}: “{1}” cannot be chosen together with other options</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="31"/>
        <source>{0}：同一选项选了两次</source>
        <translation>{0}: the same option was chosen twice</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="32"/>
        <source>{0}：多选题的答案应为列表</source>
        <translation>{0}: the answer to a multiple-choice question should be a list</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="33"/>
        <source>{0}：应为“是”或“否”</source>
        <translation>{0}: should be “yes” or “no”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="34"/>
        <source>{0}：应填数字</source>
        <translation>{0}: enter a number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="35"/>
        <source>{0}：应填文字</source>
        <translation>{0}: enter text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="36"/>
        <source>{0}：日期 “{1}” 无效，应写作 YYYY-MM-DD</source>
        <translation>{0}: the date “{1}” is invalid; write it as YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="37"/>
        <source>{0}：日期应写作 YYYY-MM-DD</source>
        <translation>{0}: write the date as YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="38"/>
        <source>{0}：最多 {1} 个字，实际 {2} 个</source>
        <translation>{0}: at most {1} characters, {2} given</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="39"/>
        <source>“answered” 只能是 true 或 false</source>
        <translation>“answered” can only be true or false</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="40"/>
        <source>“any_of” 需要一个非空的取值列表</source>
        <translation>“any_of” needs a non-empty list of values</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="41"/>
        <source>“sum_of” 条件只能写成 {sum_of: [...], at_least: N}</source>
        <translation>a “sum_of” condition can only be written as {sum_of: [...], at_least: N}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="42"/>
        <source>“sum_of” 需要一个题目编号列表</source>
        <translation>“sum_of” needs a list of item numbers</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="43"/>
        <source>“{0}” 需要一个非空的条件列表</source>
        <translation>“{0}” needs a non-empty list of conditions</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="44"/>
        <source>“{0}”不是列对应文件</source>
        <translation>“{0}” is not a column mapping file</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="45"/>
        <source>“{0}”不是日期</source>
        <translation>“{0}” is not a date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="46"/>
        <source>“{0}”不是该列可用的对应值</source>
        <translation>“{0}” is not a value this column can map to</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="47"/>
        <source>“{0}”中没有“{1}”这一项</source>
        <translation>“{0}” has no item “{1}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="48"/>
        <source>“{0}”勾选了问题，情况不能是“正常”</source>
        <translation>“{0}” has issues ticked; its state cannot be “normal”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="49"/>
        <source>“{0}”应为“是”或“否”（也可填 √ 或留空）</source>
        <translation>“{0}” should be “yes” or “no” (a tick or an empty cell also works)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="50"/>
        <source>“{0}”由出生日期自动计算，不能手工填写</source>
        <translation>“{0}” is calculated from the date of birth and cannot be entered by hand</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="51"/>
        <source>“{0}”的情况只能是正常、需关注或有问题</source>
        <translation>the state of “{0}” can only be normal, needs attention or has problems</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="52"/>
        <source>不支持的文件类型“{0}”：请选择 .xlsx、.xls 或 .ods 文件</source>
        <translation>Unsupported file type “{0}”: choose an .xlsx, .xls or .ods file</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="53"/>
        <source>不支持的界面语言</source>
        <translation>Unsupported interface language</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="54"/>
        <source>不是日期</source>
        <translation>not a date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="55"/>
        <source>不能停用最后一个管理员账号</source>
        <translation>The last administrator account cannot be deactivated</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="56"/>
        <source>与 {0} 的 id 和版本重复</source>
        <translation>duplicates the id and version of {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="57"/>
        <source>代码 {0} 属于{1}，本社区在{2}：请核对代码</source>
        <translation>Code {0} belongs to {1}, this community is in {2}: check the code</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="58"/>
        <source>代码 {0} 的街道是{1}，本社区登记在{2}：请核对代码</source>
        <translation>The street of code {0} is {1}, this community is registered in {2}: check the code</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="59"/>
        <source>代码 {0} 的街道是「{1}」，与填写的「{2}」不一致：请核对代码</source>
        <translation>The street of code {0} is “{1}”, not “{2}” as entered: check the code</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="60"/>
        <source>以下题目尚未作答，无法评分：{0}</source>
        <translation>These items are not answered yet, so no score can be given: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="61"/>
        <source>低龄志愿者的年龄范围不对（应在50至120周岁之间，且下限不大于上限）</source>
        <translation>The age range of younger volunteers is wrong (between 50 and 120, the lower bound not above the upper)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="62"/>
        <source>保留的备份份数应在1到100之间</source>
        <translation>The number of backups kept should be between 1 and 100</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="63"/>
        <source>入户探访的草稿请在入户探访窗口中核对并登记</source>
        <translation>Check and record a household visit draft in the household visit window</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="64"/>
        <source>入网文件 {0} 已{1}</source>
        <translation>Enrolment file {0} is already {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="65"/>
        <source>入网文件的区级密钥指纹与输入的不一致：文件可能是伪造的，请与区级核对指纹 (fingerprint does not match: the file was not signed by your district)</source>
        <translation>The district key fingerprint of the enrolment file does not match the one entered: the file may be forged; check the fingerprint with the district (fingerprint does not match: the file was not signed by your district)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="66"/>
        <source>冲突涉及的记录在本机不存在，请先导入完整的同步包</source>
        <translation>The records of this conflict do not exist on this computer: import the complete sync bundle first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="67"/>
        <source>出生日期{0}与身份证号中的{1}不符</source>
        <translation>Date of birth {0} does not match {1} in the ID number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="68"/>
        <source>出生日期不能晚于今天</source>
        <translation>The date of birth cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="69"/>
        <source>出生日期与身份证号不一致（身份证号为 {0}）</source>
        <translation>The date of birth does not match the ID number (the ID number says {0})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="70"/>
        <source>列对应文件“{0}”中有未知字段“{1}”的值对应</source>
        <translation>Column mapping file “{0}” maps values of an unknown field “{1}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="71"/>
        <source>列对应文件“{0}”中有未知的字段“{1}”</source>
        <translation>Column mapping file “{0}” has an unknown field “{1}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="72"/>
        <source>列对应文件“{0}”中的值对应格式不对</source>
        <translation>The value mappings in column mapping file “{0}” have the wrong format</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="73"/>
        <source>列对应文件“{0}”的版本较新，请升级本软件</source>
        <translation>Column mapping file “{0}” is of a newer version: please upgrade this program</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="74"/>
        <source>列对应文件“{0}”：{1}列{2}</source>
        <translation>Column mapping file “{0}”: column {1} {2}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="75"/>
        <source>加密前的安全备份未通过检查，数据库保持原样（未加密）</source>
        <translation>The safety backup made before encryption failed its check; the database is unchanged (not encrypted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="76"/>
        <source>加密后的数据库未通过核对，已放弃加密，数据保持原样</source>
        <translation>The encrypted database failed its check; encryption was abandoned and the data is unchanged</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="77"/>
        <source>区划代码 {0} 不是苏州市的区或县级市</source>
        <translation>Division code {0} is not a district or county-level city of Suzhou</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="78"/>
        <source>区县代码 {0} 不是苏州市的区或县级市（如 320508 姑苏区）</source>
        <translation>District code {0} is not a district or county-level city of Suzhou (e.g. 320508 Gusu District)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="79"/>
        <source>区县代码应为6位数字（如 320508 姑苏区），收到「{0}」</source>
        <translation>The district code should be 6 digits (e.g. 320508 Gusu District), got “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="80"/>
        <source>区级密钥口令不正确 (wrong passphrase for the district keys)</source>
        <translation>Wrong passphrase for the district keys (wrong passphrase for the district keys)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="81"/>
        <source>区级密钥口令不正确，无法打开区级库</source>
        <translation>The district passphrase is not correct; the district database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="82"/>
        <source>区级密钥已存在，不会覆盖：{0} (district keys already exist; not overwritten)</source>
        <translation>District keys already exist and are not overwritten: {0} (district keys already exist; not overwritten)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="83"/>
        <source>区级密钥必须设置口令 (a passphrase is required for district keys)</source>
        <translation>District keys must have a passphrase (a passphrase is required for district keys)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="84"/>
        <source>区级密钥文件已损坏：{0} ({1})</source>
        <translation>The district key file is damaged: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="85"/>
        <source>区级密钥文件格式不对：{0}</source>
        <translation>The district key file has the wrong format: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="86"/>
        <source>区级密钥文件版本过新，请先升级软件：{0}</source>
        <translation>The district key file is of a newer version; upgrade the program first: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="87"/>
        <source>区级尚未收到这张照片</source>
        <translation>The district has not received this photo yet</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="88"/>
        <source>区级工作目录 {0} 是一个文件，不是文件夹</source>
        <translation>The district working directory {0} is a file, not a folder</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="89"/>
        <source>区级库加密后未通过核对，已放弃加密，数据保持原样</source>
        <translation>The encrypted district database did not pass its check; encryption was abandoned and the data is as it was</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="90"/>
        <source>原密码不正确</source>
        <translation>The old password is not correct</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="91"/>
        <source>参考数据中没有街道（镇）代码 {0}：请同时填写街道（镇）名称</source>
        <translation>Street (town) code {0} is not in the reference data: fill in the street (town) name as well</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="92"/>
        <source>发现的需求请选择需求类型</source>
        <translation>Choose the type of each need found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="93"/>
        <source>受助人最低年龄应大于低龄志愿者的最高年龄</source>
        <translation>The lowest age of people helped should be above the highest age of younger volunteers</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="94"/>
        <source>只有“迁往本区其他社区”才填写接收社区</source>
        <translation>Fill in the receiving community only for “moved to another community of the district”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="95"/>
        <source>只有本机数据库（SQLite）可以在这里备份；服务器数据库请用其自带工具</source>
        <translation>Only the local database (SQLite) can be backed up here; back up a server database with its own tools</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="96"/>
        <source>只有本机数据库（SQLite）文件可以用密钥加密</source>
        <translation>Only a local database (SQLite) file can be encrypted with the key</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="97"/>
        <source>同一天出生的演示人员过多，无法生成不重复的身份证号</source>
        <translation>Too many demo people born on the same day to make unique ID numbers</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="98"/>
        <source>同意日期不能晚于今天</source>
        <translation>The consent date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="99"/>
        <source>同行人员太长（最多200字）</source>
        <translation>Companions is too long (at most 200 characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="100"/>
        <source>告知日期不能晚于今天</source>
        <translation>The notice date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="101"/>
        <source>固定电话应为区号加7至8位号码，如 0512-65123456</source>
        <translation>A landline should be an area code and 7 to 8 digits, e.g. 0512-65123456</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="102"/>
        <source>地址类型只能是城镇或农村</source>
        <translation>The address type can only be urban or rural</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="103"/>
        <source>备份失败：{0}（请检查磁盘空间）</source>
        <translation>Backup failed: {0} (check the free disk space)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="104"/>
        <source>备份文件已损坏或不属于本机，不能恢复：{0}</source>
        <translation>The backup file is damaged or does not belong to this computer and cannot be restored: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="105"/>
        <source>复评触发事件只能是跌倒或住院</source>
        <translation>A reassessment can only be triggered by a fall or a hospital stay</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="106"/>
        <source>复评间隔应在1到60个月之间</source>
        <translation>The reassessment interval should be between 1 and 60 months</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="107"/>
        <source>天数不能为负数</source>
        <translation>The number of days cannot be negative</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="108"/>
        <source>姓名太长（最多50个字）</source>
        <translation>The name is too long (at most 50 characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="109"/>
        <source>姓名超过50个字</source>
        <translation>The name is longer than 50 characters</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="110"/>
        <source>完成日期不能晚于今天</source>
        <translation>The completion date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="111"/>
        <source>密码至少需要{0}个字符</source>
        <translation>The password needs at least {0} characters</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="112"/>
        <source>密码错误。账号“{0}”已连续输错{1}次，请在{2}后再试，或请管理员解锁。</source>
        <translation>Wrong password. Account “{0}” has had {1} wrong passwords in a row; try again after {2}, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="113"/>
        <source>密钥 {0} 已于 {1} 吊销</source>
        <translation>Key {0} was revoked on {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="114"/>
        <source>密钥文件 {0} 无法读取，请从备份恢复密钥文件或使用恢复密钥</source>
        <translation>Key file {0} cannot be read: restore the key file from a backup or use the recovery key</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="115"/>
        <source>密钥文件使用了本程序不认识的算法</source>
        <translation>The key file uses an algorithm this program does not know</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="116"/>
        <source>密钥文件来自更新版本的程序，请先升级本程序</source>
        <translation>The key file comes from a newer version of the program: upgrade this program first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="117"/>
        <source>密钥文件类型不对：{0} (key files hold the wrong key types)</source>
        <translation>The key file holds the wrong key types: {0} (key files hold the wrong key types)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="118"/>
        <source>导出完整身份证号需要管理员权限；社工导出时身份证号会打码</source>
        <translation>Exporting full ID numbers needs administrator rights; a social worker&apos;s export masks the ID numbers</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="119"/>
        <source>尚未导入区级入网文件，不能导出同步包（afc enrol 文件）</source>
        <translation>The district enrolment file has not been imported yet, so no sync bundle can be exported (afc enrol file)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="120"/>
        <source>工作表“{0}”：{1}</source>
        <translation>Worksheet “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="121"/>
        <source>已定稿的评估不能修改；如需更正，请新建一次评估</source>
        <translation>A final assessment cannot be changed; to correct it, start a new assessment</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="122"/>
        <source>已定稿的评估不能删除</source>
        <translation>A final assessment cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="123"/>
        <source>志愿者和受助人不能是同一人</source>
        <translation>The volunteer and the person helped cannot be the same person</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="124"/>
        <source>性别“{0}”与身份证号不符</source>
        <translation>Sex “{0}” does not match the ID number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="125"/>
        <source>性别“{0}”应为“男”或“女”</source>
        <translation>Sex “{0}” should be male or female</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="126"/>
        <source>性别与身份证号不一致（身份证号为{0}）</source>
        <translation>The sex does not match the ID number (the ID number says {0})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="127"/>
        <source>性别只能是男或女</source>
        <translation>The sex can only be male or female</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="128"/>
        <source>总分 {0} 超出 0–{1} 的范围</source>
        <translation>Total score {0} is outside the range 0–{1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="129"/>
        <source>恢复密钥不正确（请核对打印件上的32个字母和数字）</source>
        <translation>The recovery key is not correct (check the 32 letters and digits on the printout)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="130"/>
        <source>截止日期不能晚于两年之后</source>
        <translation>The due date cannot be more than two years ahead</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="131"/>
        <source>所选人员不是这个家庭的成员</source>
        <translation>The people chosen are not members of this household</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="132"/>
        <source>所选家庭不存在</source>
        <translation>The household chosen does not exist</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="133"/>
        <source>所选时间内没有到期的探访，无需打印路线</source>
        <translation>No visits are due in the chosen period; there is no route to print</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="134"/>
        <source>手机号应为11位，现为{0}位</source>
        <translation>The mobile number should have 11 digits, not {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="135"/>
        <source>手机号第二位应为3至9</source>
        <translation>The second digit of a mobile number should be 3 to 9</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="136"/>
        <source>找不到人员：{0}（可用记录编号或身份证号）</source>
        <translation>Person not found: {0} (use the record number or the ID number)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="137"/>
        <source>找不到冲突 {0}</source>
        <translation>Conflict {0} not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="138"/>
        <source>找不到区级密钥，请先运行 afc-district init：{0} (no district keys; run init)</source>
        <translation>District keys not found; run afc-district init first: {0} (no district keys; run init)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="139"/>
        <source>找不到区级密钥：请先运行 afc-district init</source>
        <translation>No district key found: run afc-district init first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="140"/>
        <source>找不到区级库的密钥文件 {0}：请从备份中找回</source>
        <translation>The district database&apos;s key file {0} is missing: restore it from a backup</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="141"/>
        <source>找不到唯一的冲突编号 {0}（匹配 {1} 条）</source>
        <translation>No single conflict with number {0} ({1} match)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="142"/>
        <source>找不到备份文件：{0}</source>
        <translation>Backup file not found: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="143"/>
        <source>找不到已移出登记册的人员：{0}</source>
        <translation>No person removed from the register matches: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="144"/>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="145"/>
        <source>找不到表单 {0}</source>
        <translation>Form {0} not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="146"/>
        <source>找不到表单 {0} 的第 {1} 版</source>
        <translation>Version {1} of form {0} not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="147"/>
        <source>找不到表单 {0} 第{1}版的定义，无法打印；请确认 forms 目录中保留了该版本</source>
        <translation>The definition of form {0} version {1} is missing, so it cannot be printed; make sure the forms folder keeps that version</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="148"/>
        <source>找不到要附加照片的{0}</source>
        <translation>The {0} to attach the photo to was not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="149"/>
        <source>找不到该人员</source>
        <translation>Person not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="150"/>
        <source>找不到该人员（可能已移出登记册）</source>
        <translation>Person not found (perhaps removed from the register)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="151"/>
        <source>找不到该入户探访记录</source>
        <translation>Household visit record not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="152"/>
        <source>找不到该家庭</source>
        <translation>Household not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="153"/>
        <source>找不到该家庭（可能已被合并或删除）</source>
        <translation>Household not found (perhaps merged or deleted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="154"/>
        <source>找不到该家庭（可能已被合并）</source>
        <translation>Household not found (perhaps merged)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="155"/>
        <source>找不到该待办</source>
        <translation>Task not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="156"/>
        <source>找不到该探访记录</source>
        <translation>Visit record not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="157"/>
        <source>找不到该照片（可能已删除）</source>
        <translation>Photo not found (perhaps deleted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="158"/>
        <source>找不到该用户</source>
        <translation>User not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="159"/>
        <source>找不到该能人记录</source>
        <translation>Skilled-resident record not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="160"/>
        <source>找不到该草稿（可能已被删除）</source>
        <translation>Draft not found (perhaps deleted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="161"/>
        <source>找不到该评估记录（可能已删除）</source>
        <translation>Assessment record not found (perhaps deleted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="162"/>
        <source>找不到该资源</source>
        <translation>Resource not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="163"/>
        <source>找不到该迁入记录（可能尚未从区级回执导入）</source>
        <translation>Move-in record not found (perhaps not yet imported from the district&apos;s receipt)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="164"/>
        <source>找不到该需求</source>
        <translation>Need not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="165"/>
        <source>找不到该项目</source>
        <translation>Project not found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="166"/>
        <source>报告文件“{0}”的扩展名应为 .pdf 或 .xlsx</source>
        <translation>Report file “{0}” should end in .pdf or .xlsx</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="167"/>
        <source>报表文件应以 .xlsx 或 .pdf 结尾：{0}</source>
        <translation>The report file should end in .xlsx or .pdf: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="168"/>
        <source>拆分时至少留一位成员在原家庭；整户搬家请直接修改地址</source>
        <translation>A split must leave at least one member in the old household; when the whole household moves, change its address</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="169"/>
        <source>排序只能是按走访路线或按紧急程度</source>
        <translation>The order can only be by visiting route or by urgency</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="170"/>
        <source>探访方式只能是入户、电话或视频</source>
        <translation>The visit mode can only be home, phone or video</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="171"/>
        <source>探访方式只能是入户、电话或视频，不能是“{0}”</source>
        <translation>The visit mode can only be home, phone or video, not “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="172"/>
        <source>探访日期不能晚于今天</source>
        <translation>The visit date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="173"/>
        <source>探访日期早于该人员的出生日期</source>
        <translation>The visit date is before the person&apos;s date of birth</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="174"/>
        <source>探访记录的草稿请在探访登记窗口中核对并登记</source>
        <translation>Check and record a visit draft in the visit record window</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="175"/>
        <source>接收社区代码应为12位数字（统计用区划代码）</source>
        <translation>The receiving community&apos;s code should be 12 digits (statistical division code)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="176"/>
        <source>改为“{0}”时请填写原因</source>
        <translation>Give a reason when changing to “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="177"/>
        <source>数据库加密未完成且无法继续：请联系技术支持（明文安全备份仍保留）</source>
        <translation>Database encryption is unfinished and cannot continue: contact technical support (the plain safety backup is kept)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="178"/>
        <source>数据库已加密，但找不到密钥文件 keys/db-keyring.json：请从备份中找回该文件（见管理员手册“笔记本丢失或密钥文件损坏”）</source>
        <translation>The database is encrypted but the key file keys/db-keyring.json is missing: recover it from a backup (see the administrator&apos;s guide, “lost laptop or damaged key file”)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="179"/>
        <source>数据库已加密：请先用用户名和密码登录</source>
        <translation>The database is encrypted: log in with user name and password first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="180"/>
        <source>数据库已加密：请先登录再恢复备份</source>
        <translation>The database is encrypted: log in before restoring a backup</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="181"/>
        <source>数据库已加密：请先登录再检查</source>
        <translation>The database is encrypted: log in before checking it</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="182"/>
        <source>数据库无法用此密钥打开（密钥不符或文件已损坏）</source>
        <translation>The database cannot be opened with this key (wrong key or damaged file)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="183"/>
        <source>数据库检查未通过，暂不加密（数据未作改动）：{0}；请先从备份恢复</source>
        <translation>The database check failed, so it is not encrypted yet (nothing was changed): {0}; restore from a backup first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="184"/>
        <source>数据目录 {0} 只读：程序需要能写入它（请检查文件夹权限，或把它复制到可以写入的位置）</source>
        <translation>Data folder {0} is read-only: the program needs to write to it (check the folder&apos;s permissions, or copy it to a place that can be written)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="185"/>
        <source>文件 {0} 太大（最多 {1} MB）：请换一张照片</source>
        <translation>File {0} is too large (at most {1} MB): choose another photo</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="186"/>
        <source>文件“{0}”中没有可见的工作表</source>
        <translation>File “{0}” has no visible worksheet</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="187"/>
        <source>文件“{0}”中没有名为“{1}”的工作表（现有：{2}）</source>
        <translation>File “{0}” has no worksheet named “{1}” (there are: {2})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="188"/>
        <source>文件“{0}”中的工作表“{1}”无法读取：文件已损坏或不是表格文件</source>
        <translation>Worksheet “{1}” of file “{0}” cannot be read: the file is damaged or not a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="189"/>
        <source>文件“{0}”设有打开密码，请先在Excel中取消密码</source>
        <translation>File “{0}” has an opening password: remove the password in Excel first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="190"/>
        <source>文件在预览之后被修改过，请重新预览后再导入</source>
        <translation>The file was changed after the preview: preview it again before importing</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="191"/>
        <source>文件夹不存在：{0}（请先建立它，或换一个位置）</source>
        <translation>The folder does not exist: {0} (create it first, or choose another place)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="192"/>
        <source>新地址与原家庭是同一户，请填写另一个门牌</source>
        <translation>The new address is the same home as the old household: enter another door number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="193"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="194"/>
        <source>无法写入报告文件 {0}：{1}</source>
        <translation>Cannot write the report file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="195"/>
        <source>无法建立数据目录 {0}：{1}</source>
        <translation>Cannot create the data folder {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="196"/>
        <source>无法访问输出文件 {0}：{1}</source>
        <translation>Cannot access the output file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="197"/>
        <source>无法识别的日期：{0}（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）</source>
        <translation>Unrecognised date: {0} (should be YYYY-MM-DD or YYYY-MM-DDTHH:MM)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="198"/>
        <source>无法识别的时区：{0}</source>
        <translation>Unrecognised time zone: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="199"/>
        <source>无法识别的条件：{0}</source>
        <translation>Unrecognised condition: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="200"/>
        <source>无法读取{0}：{1} ({2})</source>
        <translation>Cannot read {0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="201"/>
        <source>无法读取列对应文件“{0}”：{1}</source>
        <translation>Cannot read column mapping file “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="202"/>
        <source>无法读取口令文件 {0}：{1}</source>
        <translation>Cannot read the passphrase file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="203"/>
        <source>无法读取密码文件 {0}：{1}</source>
        <translation>Cannot read the password file {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="204"/>
        <source>无法读取文件“{0}”：文件已损坏或不是表格文件（{1}）</source>
        <translation>Cannot read file “{0}”: it is damaged or not a spreadsheet ({1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="205"/>
        <source>无法读取文件：{0}</source>
        <translation>Cannot read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="206"/>
        <source>日期“{0}”不存在</source>
        <translation>The date “{0}” does not exist</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="207"/>
        <source>日期“{0}”不完整或被存成了数字，请写成如 1942年3月5日</source>
        <translation>The date “{0}” is incomplete or was stored as a number; write it like 1942-03-05</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="208"/>
        <source>日期“{0}”早于{1}年，不合理</source>
        <translation>The date “{0}” is before {1}, which is not plausible</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="209"/>
        <source>日期“{0}”晚于今天</source>
        <translation>The date “{0}” is later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="210"/>
        <source>日期“{0}”缺少日，请写全年月日，如 1942年3月5日</source>
        <translation>The date “{0}” has no day; write year, month and day, like 1942-03-05</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="211"/>
        <source>时长应大于0且不超过24小时</source>
        <translation>The duration should be above 0 and at most 24 hours</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="212"/>
        <source>最低年龄应在0到120之间</source>
        <translation>The lowest age should be between 0 and 120</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="213"/>
        <source>月份应在1到12之间</source>
        <translation>The month should be between 1 and 12</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="214"/>
        <source>有 {0} 行错误、{1} 行文件内重复，未导入任何数据。请修正后重新导入，或选择“只导入无误的行”</source>
        <translation>{0} rows have errors and {1} rows are duplicates within the file; nothing was imported. Correct them and import again, or choose “import only the correct rows”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="215"/>
        <source>未知的人员类别：{0}</source>
        <translation>Unknown person category: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="216"/>
        <source>未知的导出列：{0}</source>
        <translation>Unknown export column: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="217"/>
        <source>未知的居住情况：{0}</source>
        <translation>Unknown living arrangement: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="218"/>
        <source>未知的年龄段：{0}</source>
        <translation>Unknown age band: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="219"/>
        <source>未知的待办类型</source>
        <translation>Unknown task type</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="220"/>
        <source>未知的报告阶段“{0}”：应为{1}之一</source>
        <translation>Unknown report stage “{0}”: should be one of {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="221"/>
        <source>未知的探访内容：{0}</source>
        <translation>Unknown visit content: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="222"/>
        <source>未知的服务类型：{0}</source>
        <translation>Unknown service type: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="223"/>
        <source>未知的目标状态：{0}</source>
        <translation>Unknown target status: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="224"/>
        <source>未知的需求状态：{0}</source>
        <translation>Unknown need status: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="225"/>
        <source>未知的频次单位：{0}</source>
        <translation>Unknown cadence unit: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="226"/>
        <source>未知的风险标记：{0}</source>
        <translation>Unknown risk flag: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="227"/>
        <source>未知角色：{0}</source>
        <translation>Unknown role: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="228"/>
        <source>本机密钥文件损坏：{0} (site key files damaged)</source>
        <translation>The site key files are damaged: {0} (site key files damaged)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="229"/>
        <source>本机尚未完成首次设置</source>
        <translation>This computer has not finished its first setup</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="230"/>
        <source>本机尚未完成首次设置，不能入网</source>
        <translation>This computer has not finished its first setup and cannot enrol</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="231"/>
        <source>本机尚未完成首次设置，不能同步</source>
        <translation>This computer has not finished its first setup and cannot sync</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="232"/>
        <source>本机已作为社区 {0} 入网，入网文件是社区 {1} 的：不能更换社区</source>
        <translation>This computer is enrolled as community {0}, the enrolment file is for community {1}: the community cannot be changed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="233"/>
        <source>本机已经完成设置，不能重复设置</source>
        <translation>This computer is already set up; it cannot be set up again</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="234"/>
        <source>本机数据库未加密，无需恢复密钥</source>
        <translation>The local database is not encrypted; no recovery key is needed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="235"/>
        <source>本机还没有完成首次设置</source>
        <translation>This computer has not finished its first setup</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="236"/>
        <source>本机还没有密钥文件：请先完成首次设置</source>
        <translation>This computer has no key file yet: finish the first setup first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="237"/>
        <source>本社区登记册中已有身份证号相同的人员，请先核对，不能重复接收</source>
        <translation>This community&apos;s register already has a person with the same ID number: check first; the person cannot be received twice</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="238"/>
        <source>本社区的代码已是 {0}，不能更换（如确需更换请联系区级）</source>
        <translation>This community&apos;s code is already {0} and cannot be changed (contact the district if it really must change)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="239"/>
        <source>条件中的 item 必须是题目编号</source>
        <translation>“item” in a condition must be an item number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="240"/>
        <source>条件必须是一个映射（如 {item: A.5.11, equals: 2}）</source>
        <translation>A condition must be a mapping (e.g. {item: A.5.11, equals: 2})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="241"/>
        <source>此操作需要管理员权限</source>
        <translation>This needs administrator rights</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="242"/>
        <source>每项特长最多30个字</source>
        <translation>Each skill is at most 30 characters</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="243"/>
        <source>比较值必须是数字（实际：{0}）</source>
        <translation>The value compared must be a number (given: {0})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="244"/>
        <source>没有可发送的参考资料：请用 --forms 目录 或 --resources 文件</source>
        <translation>No reference data to send: give --forms DIR or --resources FILE</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="245"/>
        <source>没有找到 .afcbundle 文件</source>
        <translation>No .afcbundle file found</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="246"/>
        <source>没有找到可读的扫描件（PDF、JPEG 或 PNG）</source>
        <translation>No readable scan found (PDF, JPEG or PNG)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="247"/>
        <source>没有权限在文件夹 {0} 中写入文件</source>
        <translation>No permission to write files in folder {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="248"/>
        <source>没有权限建立或写入数据目录 {0}</source>
        <translation>No permission to create or write the data folder {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="249"/>
        <source>没有要打印的文档</source>
        <translation>There is no document to print</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="250"/>
        <source>没有见到任何一位老人：请至少标记一位在家；都不在家的，可保存草稿改日再访</source>
        <translation>No elder was seen: mark at least one as at home; if nobody was at home, save a draft and visit another day</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="251"/>
        <source>没有配对的电脑 {0}：请先导入它的配对文件</source>
        <translation>No paired computer {0}: import its pairing file first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="252"/>
        <source>照片只能附加到人员、探访、入户家访或评估记录</source>
        <translation>Photos can only be attached to a person, a visit, a household visit or an assessment</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="253"/>
        <source>照片已损坏（内容与编号不符）</source>
        <translation>The photo is damaged (its content does not match its number)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="254"/>
        <source>照片文件已加密，而数据库没有加密：无法打开</source>
        <translation>The photo file is encrypted but the database is not: it cannot be opened</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="255"/>
        <source>照片文件已损坏或不属于本数据目录</source>
        <translation>The photo file is damaged or belongs to another data folder</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="256"/>
        <source>照片文件已损坏（内容与编号不符）</source>
        <translation>The photo file is damaged (its content does not match its number)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="257"/>
        <source>照片文件无法读取</source>
        <translation>The photo file cannot be read</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="258"/>
        <source>照片文件还不在这台电脑上（等待同步）</source>
        <translation>The photo file is not on this computer yet (waiting for sync)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="259"/>
        <source>照片未能保存：{0}（记录没有改动）</source>
        <translation>The photo could not be saved: {0} (the record is unchanged)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="260"/>
        <source>照片用途只能是照片、改造前、改造后、签字表或扫描件</source>
        <translation>A photo&apos;s use can only be photo, before adaptation, after adaptation, signed form or scan</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="261"/>
        <source>照片编号不对</source>
        <translation>The photo number is not valid</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="262"/>
        <source>照片说明太长（最多{0}个字）</source>
        <translation>The photo caption is too long (at most {0} characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="263"/>
        <source>环境变量 {0} 指定的字体 “{1}” 不存在或不是可嵌入的中文 TrueType 字体（.ttf/.ttc；不支持 CFF 轮廓的 OpenType，如 Noto Sans CJK）</source>
        <translation>Font “{1}” given by environment variable {0} does not exist or is not an embeddable Chinese TrueType font (.ttf/.ttc; OpenType with CFF outlines, such as Noto Sans CJK, is not supported)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="264"/>
        <source>用户名“{0}”已被使用</source>
        <translation>User name “{0}” is already taken</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="265"/>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="266"/>
        <source>用时应在0到1440分钟之间</source>
        <translation>The time spent should be between 0 and 1440 minutes</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="267"/>
        <source>电话号码“{0}”含有数字以外的字符</source>
        <translation>Phone number “{0}” has characters other than digits</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="268"/>
        <source>电话号码为空</source>
        <translation>The phone number is empty</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="269"/>
        <source>电话号码格式不对：手机号为11位，固定电话如 0512-65123456</source>
        <translation>Wrong phone number format: a mobile number has 11 digits, a landline is like 0512-65123456</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="270"/>
        <source>登记日期不能晚于今天</source>
        <translation>The registration date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="271"/>
        <source>看不懂的日期“{0}”，请写成如 1942-03-05 或 1942年3月5日</source>
        <translation>Unreadable date “{0}”: write it like 1942-03-05</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="272"/>
        <source>社区 {0} 下没有唯一匹配「{1}」的密钥或入网文件（匹配 {2} 个）</source>
        <translation>Community {0} has no single key or enrolment file matching “{1}” ({2} match)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="273"/>
        <source>社区代码 {0} 不属于本区（{1}）</source>
        <translation>Community code {0} is not in this district ({1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="274"/>
        <source>社区代码 {0} 的街道或社区部分是 000：请填写社区本身的12位代码</source>
        <translation>The street or community part of community code {0} is 000: enter the community&apos;s own 12-digit code</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="275"/>
        <source>社区代码应为 12 位统计用区划代码（如 320508018001），收到「{0}」</source>
        <translation>The community code should be the 12-digit statistical area code (like 320508018001); got “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="276"/>
        <source>社区代码应为12位统计用区划代码（区县6位+街道3位+社区3位，如 320508018001），收到「{0}」</source>
        <translation>The community code should be the 12-digit statistical division code (district 6 + street 3 + community 3, e.g. 320508018001), got “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="277"/>
        <source>社区代码应为12位统计用区划代码（如 320508018001），或6位数字的区县代码（如 320508 姑苏区），收到「{0}」</source>
        <translation>The community code should be the 12-digit statistical division code (e.g. 320508018001) or a 6-digit district code (e.g. 320508 Gusu District), got “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="278"/>
        <source>社区名称不能超过 100 个字</source>
        <translation>The community name cannot be longer than 100 characters</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="279"/>
        <source>移出原因为“其他”时请写明情况</source>
        <translation>Describe the situation when the reason for removal is “other”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="280"/>
        <source>移出原因只能是：{0}</source>
        <translation>The reason for removal can only be: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="281"/>
        <source>移出日期不能早于登记日期（{0}）</source>
        <translation>The removal date cannot be earlier than the registration date ({0})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="282"/>
        <source>移出日期不能晚于今天</source>
        <translation>The removal date cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="283"/>
        <source>移出说明太长（最多200个字）</source>
        <translation>The removal note is too long (at most 200 characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="284"/>
        <source>第{0}位紧急联系人：{1}</source>
        <translation>Emergency contact {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="285"/>
        <source>紧急程度只能是紧急、一般或不急</source>
        <translation>The urgency can only be urgent, normal or not urgent</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="286"/>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be earlier than the start date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="287"/>
        <source>统计期间太长（最多36个月）</source>
        <translation>The period is too long (at most 36 months)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="288"/>
        <source>统计期间的结束日期不能早于开始日期</source>
        <translation>The end of the period cannot be earlier than its start</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="289"/>
        <source>统计期间的结束日期（{0}）不能晚于今天</source>
        <translation>The end of the period ({0}) cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="290"/>
        <source>缺少姓名</source>
        <translation>The name is missing</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="291"/>
        <source>缺少身份证号（没有身份证号时至少要填出生日期）</source>
        <translation>The ID number is missing (without an ID number, give at least the date of birth)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="292"/>
        <source>联系电话：{0}</source>
        <translation>Contact phone: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="293"/>
        <source>自动锁定时间应在0到240分钟之间</source>
        <translation>The idle lock time should be between 0 and 240 minutes</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="294"/>
        <source>至少需要一条探访频次规则</source>
        <translation>At least one visiting cadence rule is needed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="295"/>
        <source>花名册中 {0} 是「{1}」，与「{2}」不一致；代码填错了吗？</source>
        <translation>The roster has {0} as “{1}”, not “{2}”; is the code mistyped?</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="296"/>
        <source>花名册中没有社区 {0}</source>
        <translation>The roster has no community {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="297"/>
        <source>花名册中没有社区 {0}：请先 afc-district community add</source>
        <translation>The roster has no community {0}: run afc-district community add first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="298"/>
        <source>苏州固定电话应为 0512 加8位号码，如 0512-65123456</source>
        <translation>A Suzhou landline is 0512 and 8 digits, e.g. 0512-65123456</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="299"/>
        <source>草稿属于另一个家庭，不能改到这里</source>
        <translation>The draft belongs to another household and cannot be moved here</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="300"/>
        <source>草稿属于另一位人员，不能改到这里</source>
        <translation>The draft belongs to another person and cannot be moved here</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="301"/>
        <source>草稿还不能打印：请先完成登记</source>
        <translation>The draft cannot be printed yet: record it first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="302"/>
        <source>表单 {0} 没有评分规则</source>
        <translation>Form {0} has no scoring rules</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="303"/>
        <source>表单中没有题目 “{0}”</source>
        <translation>The form has no item “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="304"/>
        <source>表单目录不存在</source>
        <translation>The forms folder does not exist</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="305"/>
        <source>表格中找不到列对应文件所列的列：{0}</source>
        <translation>The sheet lacks the columns listed in the column mapping file: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="306"/>
        <source>计入失能的能力等级只能是0至4级</source>
        <translation>The ability grades counted as disabled can only be 0 to 4</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="307"/>
        <source>评估日期 {0} 晚于今天</source>
        <translation>Assessment date {0} is later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="308"/>
        <source>评估表有 {0} 处需要修改：{1}{2}</source>
        <translation>The assessment has {0} places to correct: {1}{2}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="309"/>
        <source>评估记录与所选人员不一致</source>
        <translation>The assessment record does not belong to the person chosen</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="310"/>
        <source>评估记录使用表单 {0} 第{1}版，但提供的是 {2} 第{3}版</source>
        <translation>The assessment record uses form {0} version {1}, but {2} version {3} was given</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="311"/>
        <source>该人员仍在登记册中，无需重新登记</source>
        <translation>This person is still on the register; there is no need to register again</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="312"/>
        <source>该人员已登记为去世；如登记有误，请由管理员重新登记</source>
        <translation>This person is registered as deceased; if that is a mistake, an administrator can register the person again</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="313"/>
        <source>该入户探访已经登记，不能再作为草稿修改</source>
        <translation>This household visit is already recorded and can no longer be changed as a draft</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="314"/>
        <source>该家庭没有登记老年人，无需入户探访</source>
        <translation>This household has no registered elders; no home visit is needed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="315"/>
        <source>该待办已{0}</source>
        <translation>This task is already {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="316"/>
        <source>该探访已经登记，不能再作为草稿修改</source>
        <translation>This visit is already recorded and can no longer be changed as a draft</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="317"/>
        <source>该账号不存在或已停用，请联系管理员</source>
        <translation>The account does not exist or is deactivated: contact the administrator</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="318"/>
        <source>该迁入人员已由本社区另一台电脑接收</source>
        <translation>This person moving in was already received on another computer of this community</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="319"/>
        <source>该迁入人员已经接收过了</source>
        <translation>This person moving in has already been received</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="320"/>
        <source>该迁入记录不是发给本社区的，不能接收</source>
        <translation>This move-in record is not addressed to this community and cannot be received</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="321"/>
        <source>请先登录</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="322"/>
        <source>请填写{0}</source>
        <translation>Please fill in {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="323"/>
        <source>请填写取消原因</source>
        <translation>Please give the reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="324"/>
        <source>请填写姓名</source>
        <translation>Please fill in the name</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="325"/>
        <source>请填写开始日期</source>
        <translation>Please fill in the start date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="326"/>
        <source>请填写待办的截止日期</source>
        <translation>Please fill in the task&apos;s due date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="327"/>
        <source>请填写探访日期</source>
        <translation>Please fill in the visit date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="328"/>
        <source>请填写用户名</source>
        <translation>Please fill in the user name</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="329"/>
        <source>请填写社区（村）名称</source>
        <translation>Please fill in the name of the community (village)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="330"/>
        <source>请填写管理员用户名</source>
        <translation>Please fill in the administrator&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="331"/>
        <source>请填写规则名称</source>
        <translation>Please fill in the rule&apos;s name</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="332"/>
        <source>请填写评估员</source>
        <translation>Please fill in the assessor</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="333"/>
        <source>请填写评估日期</source>
        <translation>Please fill in the assessment date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="334"/>
        <source>请填写跟进事项</source>
        <translation>Please fill in the follow-up action</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="335"/>
        <source>请填写跟进日期</source>
        <translation>Please fill in the follow-up date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="336"/>
        <source>请用 --name 填写社区名称</source>
        <translation>Give the community&apos;s name with --name</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="337"/>
        <source>请给出至少 4 位的密钥编号或入网文件编号</source>
        <translation>Give at least 4 characters of the key or enrolment file number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="338"/>
        <source>请给出要写入的文件名（不是文件夹）：{0}</source>
        <translation>Give a file name to write to (not a folder): {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="339"/>
        <source>请至少列出一位老人</source>
        <translation>List at least one elder</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="340"/>
        <source>请至少填写一项探访内容或情况记录</source>
        <translation>Fill in at least one visit content or note</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="341"/>
        <source>请至少填写一项特长</source>
        <translation>Fill in at least one skill</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="342"/>
        <source>请至少选择两个家庭进行合并</source>
        <translation>Choose at least two households to merge</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="343"/>
        <source>请输入区级提供的密钥指纹：8 组、每组 4 位数字 (fingerprint must be 32 digits)</source>
        <translation>Enter the key fingerprint given by the district: 8 groups of 4 digits (fingerprint must be 32 digits)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="344"/>
        <source>请选择保留哪一个值（a、b 或 current）</source>
        <translation>Choose which value to keep (a, b or current)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="345"/>
        <source>请选择服务类别</source>
        <translation>Choose a type of service</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="346"/>
        <source>请选择要拆分出去的成员</source>
        <translation>Choose the members to split off</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="347"/>
        <source>请选择要走访的家庭</source>
        <translation>Choose the household to visit</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="348"/>
        <source>请选择要转介的服务资源</source>
        <translation>Choose the service resource to refer to</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="349"/>
        <source>请选择资源类别</source>
        <translation>Choose a resource type</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="350"/>
        <source>请选择需求类型</source>
        <translation>Choose the type of need</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="351"/>
        <source>请选择项目类型</source>
        <translation>Choose the project type</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="352"/>
        <source>账号“{0}”已连续输错密码{1}次，已暂时锁定。请在{2}后再试，或请管理员解锁。</source>
        <translation>Account “{0}” has had {1} wrong passwords in a row and is locked for now. Try again after {2}, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="353"/>
        <source>资源“{0}”已停用，不能转介</source>
        <translation>Resource “{0}” is deactivated and cannot be referred to</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="354"/>
        <source>资源目录文件应是对象列表：{0}</source>
        <translation>The resource directory file should be a list of objects: {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="355"/>
        <source>资源目录文件无法读取：{0}（{1}）</source>
        <translation>The resource directory file cannot be read: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="356"/>
        <source>走访没有登记家庭的老人时，请填写走访地址</source>
        <translation>When visiting elders without a registered household, fill in the address visited</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="357"/>
        <source>跟进日期不能早于探访日期</source>
        <translation>The follow-up date cannot be earlier than the visit date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="358"/>
        <source>身份证号 {0} 对应多条已移出的记录，请改用记录编号</source>
        <translation>ID number {0} matches several removed records: use the record number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="359"/>
        <source>身份证号 {0} 对应多条登记，请改用记录编号</source>
        <translation>ID number {0} matches several registrations: use the record number</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="360"/>
        <source>身份证号“{0}”是科学计数法，后几位已丢失，请核对原件后以文本格式重新录入</source>
        <translation>ID number “{0}” is in scientific notation and its last digits are lost: check the original and enter it again as text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="361"/>
        <source>身份证号不是文本</source>
        <translation>The ID number is not text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="362"/>
        <source>身份证号中的出生年份 {0} 不合理</source>
        <translation>The birth year {0} in the ID number is not plausible</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="363"/>
        <source>身份证号中的出生日期 {0} 不存在</source>
        <translation>The date of birth {0} in the ID number does not exist</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="364"/>
        <source>身份证号中的出生日期晚于今天</source>
        <translation>The date of birth in the ID number is later than today</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="365"/>
        <source>身份证号为空</source>
        <translation>The ID number is empty</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="366"/>
        <source>身份证号只能由数字组成，最后一位可以是X</source>
        <translation>An ID number can only have digits, the last one may be X</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="367"/>
        <source>身份证号应为18位，现为{0}位</source>
        <translation>An ID number has 18 digits, not {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="368"/>
        <source>身份证号末尾为000且校验位不符，很可能被Excel截断过，请核对原件后以文本格式重新录入</source>
        <translation>The ID number ends in 000 and its check digit is wrong: Excel has probably cut it; check the original and enter it again as text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="369"/>
        <source>身份证号校验位错误（最后一位应为 {0}），请核对是否抄错</source>
        <translation>The ID number&apos;s check digit is wrong (the last digit should be {0}): check for a copying mistake</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="370"/>
        <source>身份证号被Excel存成了数字，后几位已丢失（Excel只保留15位有效数字），请核对原件后以文本格式重新录入</source>
        <translation>Excel stored the ID number as a number and its last digits are lost (Excel keeps 15 significant digits): check the original and enter it again as text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="371"/>
        <source>身份证号被存成了数字，已损坏，请核对原件后以文本格式重新录入</source>
        <translation>The ID number was stored as a number and is damaged: check the original and enter it again as text</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="372"/>
        <source>身份证号被存成过数字，后几位已丢失，请核对原件后重新录入</source>
        <translation>The ID number was once stored as a number and its last digits are lost: check the original and enter it again</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="373"/>
        <source>转介请选择服务资源（使用“转介”）</source>
        <translation>To refer, choose a service resource (use “Refer”)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="374"/>
        <source>输出文件应以 {0} 结尾：{1}</source>
        <translation>The output file should end in {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="375"/>
        <source>这个冲突已经处理过了</source>
        <translation>This conflict has already been resolved</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="376"/>
        <source>这张表没有草稿，无法定稿</source>
        <translation>This form has no draft to finalise</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="377"/>
        <source>这是旧版（第 1 版）入网文件，只含公钥，已不再接受：{0}。请向区级索取本社区的新入网文件 (enrolment v1 is no longer accepted)</source>
        <translation>This is an old (version 1) enrolment file holding only public keys, no longer accepted: {0}. Ask the district for this community&apos;s new enrolment file (enrolment v1 is no longer accepted)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="378"/>
        <source>这是本机自己的配对文件，请导入另一台电脑的配对文件</source>
        <translation>This is this computer&apos;s own pairing file: import the pairing file of the other computer</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="379"/>
        <source>配对文件属于另一个社区（{0}），只能与本社区的电脑配对</source>
        <translation>The pairing file belongs to another community ({0}); only computers of this community can be paired</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="380"/>
        <source>重复的键 “{0}”</source>
        <translation>Duplicate key “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="381"/>
        <source>重新启用账号时请同时为其设置新密码</source>
        <translation>When enabling an account again, also set a new password for it</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="382"/>
        <source>重新登记日期不能早于移出日期</source>
        <translation>The date of registering again cannot be earlier than the removal date</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="383"/>
        <source>需求已“{0}”，不能再改；如有新问题请另行登记需求</source>
        <translation>The need is already “{0}” and can no longer change; record a new need for a new problem</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="384"/>
        <source>需求已经是“{0}”</source>
        <translation>The need is already “{0}”</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="385"/>
        <source>需求描述太长（最多2000字）</source>
        <translation>The need&apos;s description is too long (at most 2000 characters)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="386"/>
        <source>需求状态为“{0}”，不能直接改为“{1}”{2}</source>
        <translation>The need&apos;s status is “{0}”; it cannot change directly to “{1}”{2}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="387"/>
        <source>需要区级密钥口令才能打开区级库</source>
        <translation>The district passphrase is needed to open the district database</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="388"/>
        <source>需要区级密钥口令：请用 --passphrase-file 文件 提供</source>
        <translation>The district passphrase is needed: give it with --passphrase-file FILE</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="389"/>
        <source>项目状态只能是筹备中、进行中或已结项</source>
        <translation>The project status can only be in preparation, in progress or closed</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="390"/>
        <source>频次单位只能是天、周或月</source>
        <translation>The cadence unit can only be days, weeks or months</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="391"/>
        <source>频次应在1到{0}{1}之间</source>
        <translation>The cadence should be between 1 and {0}{1}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="392"/>
        <source>题目条件需要且只能有一个比较：{0}（实际：{1}）</source>
        <translation>An item condition needs exactly one comparison: {0} (given: {1})</translation>
    </message>
    <message>
        <location filename="../../build/i18n/service_messages.py" line="393"/>
        <source>风险等级只能是高风险或一般</source>
        <translation>The risk level can only be high risk or normal</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="40"/>
        <source>第{0}位老人</source>
        <translation>Elder {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="41"/>
        <source>服务内容</source>
        <translation>the service given</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="42"/>
        <source>资源名称</source>
        <translation>the resource&apos;s name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="43"/>
        <source>项目名称</source>
        <translation>the project&apos;s name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="44"/>
        <source>成员姓名</source>
        <translation>the member&apos;s name</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="45"/>
        <source>待办内容</source>
        <translation>the task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="46"/>
        <source>服务日期</source>
        <translation>the service date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="47"/>
        <source>发现日期</source>
        <translation>the date found</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="48"/>
        <source>转介日期</source>
        <translation>the referral date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="49"/>
        <source>待办</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="50"/>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="51"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="53"/>
        <source>缺第{0}页</source>
        <translation>Page {0} is missing</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="54"/>
        <source>探访日期暂填扫描当天，请按纸面修改</source>
        <translation>The visit date is set to the day of the scan for now; correct it from the paper</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="55"/>
        <source>文件无法打开（不是图片或 PDF，或已损坏）</source>
        <translation>The file cannot be opened (not a picture or PDF, or damaged)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="56"/>
        <source>与前面的第{0}页重复，已跳过</source>
        <translation>Same as page {0} read before; skipped</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="57"/>
        <source>定位标记位置异常，无法校正</source>
        <translation>The corner marks are not where they should be; the page cannot be straightened</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="58"/>
        <source>一张图片里有多页表格，请每页单独拍摄或扫描</source>
        <translation>One picture holds several pages; photograph or scan each page on its own</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="59"/>
        <source>二维码不是本系统打印的表格</source>
        <translation>The QR code is not from a sheet printed by this program</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="60"/>
        <source>找不到表格二维码（可能拍得太模糊、太小或被遮挡）</source>
        <translation>No QR code found (the picture may be blurred, too small or covered)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="61"/>
        <source>找不到页面四角的定位标记（可能拍摄不完整或被遮挡）</source>
        <translation>The four corner marks were not found (the page may be cut off or covered)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="62"/>
        <source>这是已填写的报告或记录，没有可回读的勾选框</source>
        <translation>This is a filled report or record; it has no boxes to read back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="63"/>
        <source>表格版面与打印时不一致（人员信息或表单已改动），请重新打印后填写</source>
        <translation>The layout differs from the printed sheet (the person&apos;s details or the form changed); print it again and fill it in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="66"/>
        <source>找不到表单 {0} 第{1}版的定义</source>
        <translation>No definition of form {0} version {1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="67"/>
        <source>户级表格只有入户探访记录可以回读</source>
        <translation>Of a household&apos;s sheets only the household visit record can be read back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="68"/>
        <source>表格所属人员不在登记册中（可能已删除）</source>
        <translation>The sheet&apos;s person is not on the register (perhaps removed)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/service_messages.py" line="69"/>
        <source>表格所属家庭不在登记册中（可能已合并或删除）</source>
        <translation>The sheet&apos;s household is not on the register (perhaps merged or removed)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="36"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="37"/>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="38"/>
        <source>退出时</source>
        <translation>On exit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="39"/>
        <source>导入前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="40"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="41"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="44"/>
        <source>首次设置</source>
        <translation>First setup</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="45"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="46"/>
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="47"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="48"/>
        <source>启用/停用账号</source>
        <translation>Enable/disable account</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="49"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="50"/>
        <source>新增人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="51"/>
        <source>修改人员</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="52"/>
        <source>移出人员</source>
        <translation>Remove person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="53"/>
        <source>新增家庭</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="54"/>
        <source>修改家庭</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="55"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="56"/>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/settings_page.py" line="57"/>
        <source>修改底册规则</source>
        <translation>Change register rules</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="217"/>
        <source>首次设置 - 老年友好社区工作台</source>
        <translation>First setup - AFC Desktop</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="219"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="220"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="221"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/setup_wizard.py" line="222"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="27"/>
        <source>正在启动……</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="28"/>
        <source>老年友好社区工作台</source>
        <translation>AFC Desktop</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/household_merge_dialog.py" line="115"/>
        <source>拆分家庭：新门牌</source>
        <translation>Split household: the new door</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="123"/>
        <source>更改需求状态</source>
        <translation>Change need status</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="131"/>
        <source>无法解决或退回时必填</source>
        <translation>Required when the need cannot be met or the referral is returned</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="133"/>
        <source>当前状态：{0}</source>
        <translation>Current status: {0}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="135"/>
        <source>改为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="136"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/need_dialogs.py" line="141"/>
        <source>当前状态不能再更改</source>
        <translation>This status is final</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="32"/>
        <source>U 盘同步</source>
        <translation>USB stick sync</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="33"/>
        <source>上次回执：</source>
        <translation>Last receipt:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="36"/>
        <source>两台电脑配对（同一社区）</source>
        <translation>Pair two computers (same community)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="38"/>
        <source>保存配对文件到</source>
        <translation>Save the pairing file to</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="40"/>
        <source>入网文件 (*.afcenrol)</source>
        <translation>Enrolment file (*.afcenrol)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="48"/>
        <source>发给：</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="50"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="51"/>
        <source>同步包 (*.afcbundle)</source>
        <translation>Sync bundle (*.afcbundle)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="57"/>
        <source>完整快照</source>
        <translation>Full snapshot</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="59"/>
        <source>导入入网文件…</source>
        <translation>Import enrolment file…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="60"/>
        <source>导入另一台的配对文件…</source>
        <translation>Import the other computer&apos;s pairing file…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="61"/>
        <source>导入同步包</source>
        <translation>Import sync bundle</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="62"/>
        <source>导入回执或同步包…</source>
        <translation>Import receipt or sync bundle…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="63"/>
        <source>导出同步包</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="64"/>
        <source>导出同步包…</source>
        <translation>Export sync bundle…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="65"/>
        <source>导出本机配对文件…</source>
        <translation>Export this computer&apos;s pairing file…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="68"/>
        <source>待处理的冲突</source>
        <translation>Conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="73"/>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="74"/>
        <source>正在写出同步包…</source>
        <translation>Writing the sync bundle…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="75"/>
        <source>正在导入同步包…</source>
        <translation>Importing the sync bundle…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="88"/>
        <source>选择 U 盘或文件夹</source>
        <translation>Choose the USB stick or a folder</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="89"/>
        <source>选择入网文件</source>
        <translation>Choose enrolment file</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="90"/>
        <source>选择同步包</source>
        <translation>Choose sync bundle</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="91"/>
        <source>选择配对文件</source>
        <translation>Choose pairing file</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="92"/>
        <source>配对文件 (*.afcpair)</source>
        <translation>Pairing file (*.afcpair)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="72"/>
        <source>核对区级密钥指纹</source>
        <translation>Check the district key fingerprint</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="83"/>
        <source>请输入区级交接单上的密钥指纹（8 组、每组 4 位数字）：</source>
        <translation>Type the district key fingerprint from the hand-over sheet (8 groups of 4 digits):</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="29"/>
        <source>%1 处修改</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="30"/>
        <source>%1（编号 %2）</source>
        <translation>%1 (no. %2)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="31"/>
        <source>%1，文件 %2</source>
        <translation>%1, file %2</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="34"/>
        <source>上次导出：</source>
        <translation>Last export:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="35"/>
        <source>不缺</source>
        <translation>Nothing missing</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="37"/>
        <source>两台电脑（或本机和区里）同时改了同一项信息时会列在这里：选中一行，决定用哪一个值。</source>
        <translation>When two laptops (or this laptop and the district) changed the same item at the same time, it is listed here: select a row and choose which value to use.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="39"/>
        <source>保持现在的</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="41"/>
        <source>入网文件由区民政局提供，导入后才能给区里发同步包。</source>
        <translation>The district civil affairs bureau provides the enrolment file; import it before sending bundles to the district.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="42"/>
        <source>全部已送到</source>
        <translation>Everything has been delivered</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="43"/>
        <source>区里发现中间少了一些修改时列在这里，补齐前后面的修改先不生效。</source>
        <translation>Listed when the district found some changes missing; later changes wait until the gap is filled.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="44"/>
        <source>区里还缺：</source>
        <translation>District still misses:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="45"/>
        <source>区里（%1）</source>
        <translation>District (%1)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="46"/>
        <source>区里（尚未入网）</source>
        <translation>District (not enrolled yet)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="47"/>
        <source>区里：</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="49"/>
        <source>另一台电脑的 %1 处修改（请在那台电脑上导出同步包）</source>
        <translation>%1 changes from another laptop (export a bundle on that laptop)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="52"/>
        <source>同步包已导出</source>
        <translation>Bundle exported</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="53"/>
        <source>同步包是加密文件，只有区里能打开，可以放心用 U 盘拷贝。</source>
        <translation>A bundle is encrypted: only the district can open it, so it is safe to carry on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="54"/>
        <source>哪一项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="55"/>
        <source>哪条信息</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="56"/>
        <source>回执是区里导入同步包后给的文件，拿回来导入，表示区里已经收到。</source>
        <translation>The receipt is the file the district gives back after importing a bundle; importing it here confirms the district has it.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="58"/>
        <source>对方的值</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="66"/>
        <source>已入网：%1（%2），密钥指纹 %3</source>
        <translation>Enrolled: %1 (%2), key fingerprint %3</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="67"/>
        <source>已写出同步包：%1
保存位置：%2
共 %3 处修改。</source>
        <translation>Bundle written: %1
Saved in: %2
%3 changes.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="69"/>
        <source>整条被删除</source>
        <translation>Whole record deleted</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="70"/>
        <source>本机的 %1 处修改（下次导出会自动补上）</source>
        <translation>%1 changes from this laptop (the next export includes them)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="71"/>
        <source>本机的值</source>
        <translation>This laptop&apos;s value</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="84"/>
        <source>还没有导入入网文件</source>
        <translation>No enrolment file imported yet</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="85"/>
        <source>还没有导出过</source>
        <translation>Never exported</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="86"/>
        <source>还没有收到过</source>
        <translation>None received yet</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="87"/>
        <source>还没送到区里：</source>
        <translation>Not yet at the district:</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="93"/>
        <source>配对的电脑 %1</source>
        <translation>Paired laptop %1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="76"/>
        <source>每新增或修改一项信息算一处；区里收到后会给一个回执，导入回执后这里归零。</source>
        <translation>Each new or changed item counts once; the district gives a receipt for what it received, and importing the receipt brings this back to zero.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="77"/>
        <source>现在用的</source>
        <translation>In use now</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="78"/>
        <source>用对方的值</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="79"/>
        <source>用本机的值</source>
        <translation>Use this laptop&apos;s value</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="80"/>
        <source>请先在表格中选中一行</source>
        <translation>Select a row in the table first</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="81"/>
        <source>请把这个文件拿到配对的另一台电脑上，点“导入回执或同步包…”导入。</source>
        <translation>Take this file to the paired laptop and import it there with &quot;Import receipt or bundle…&quot;.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/wrapped_strings.py" line="82"/>
        <source>请用 U 盘把这个文件交给区民政局；区里导入后会给一个回执文件，拿回来点“导入回执或同步包…”导入。</source>
        <translation>Take this file to the district civil affairs bureau on a USB stick; after importing it they give you a receipt file: bring it back and import it with &quot;Import receipt or bundle…&quot;.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="48"/>
        <source>还没有导入区级入网文件，所以暂时不能给区里导出同步包。

入网文件由区民政局提供（文件名以 .afcenrol 结尾）。拿到后，点本页的“导入入网文件…”导入，再导出同步包。</source>
        <translation>The district&apos;s enrolment file has not been imported yet, so no bundle can be exported for the district.

The district civil affairs bureau provides the enrolment file (its name ends in .afcenrol). Import it with &quot;Import enrolment file…&quot; on this page, then export the bundle.</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="56"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="57"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="58"/>
        <source>探访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="59"/>
        <source>需求</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="60"/>
        <source>待办</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="61"/>
        <source>评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/pages/sync_page.py" line="62"/>
        <source>资源</source>
        <translation>Resource</translation>
    </message>
</context>
<context>
    <name>TalentDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="198"/>
        <source>能人库</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="203"/>
        <source>特长，用顿号或逗号分隔，如：书法、修理家电</source>
        <translation>Skills, separated by commas, e.g. calligraphy, repairing appliances</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="205"/>
        <source>如：周末上午</source>
        <translation>e.g. weekend mornings</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="207"/>
        <source>愿意参与志愿服务</source>
        <translation>Willing to volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="210"/>
        <source>特长</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="211"/>
        <source>可参与时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="212"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../afc_desktop/ui/widgets/item_editors.py" line="195"/>
        <source>签名人姓名</source>
        <translation>Name of the signer</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="68"/>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="199"/>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="256"/>
        <source>探访记录</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="72"/>
        <source>{0}岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="85"/>
        <source>如：网格员、志愿者</source>
        <translation>e.g. grid worker, volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="87"/>
        <source>探访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="88"/>
        <source>探访方式</source>
        <translation>Visit mode</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="89"/>
        <source>同行人员</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="107"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="122"/>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="123"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="125"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="200"/>
        <source>探访记录还没有登记。保存为草稿，下次继续填写吗？</source>
        <translation>The visit has not been recorded yet. Save it as a draft to continue later?</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="201"/>
        <source>探访记录（草稿已保存）</source>
        <translation>Visit record (draft saved)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="148"/>
        <source>探访记录（继续填写草稿）</source>
        <translation>Visit record (resuming the draft)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="209"/>
        <source>不需定期探访</source>
        <translation>no regular visits</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="211"/>
        <source>每天</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="212"/>
        <source>每周</source>
        <translation>weekly</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="213"/>
        <source>每两周</source>
        <translation>every two weeks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="214"/>
        <source>每月</source>
        <translation>monthly</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="215"/>
        <source>每季度</source>
        <translation>quarterly</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="216"/>
        <source>每半年</source>
        <translation>every six months</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="217"/>
        <source>每年</source>
        <translation>yearly</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="221"/>
        <source>天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="221"/>
        <source>周</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="221"/>
        <source>个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="222"/>
        <source>每{0}{1}</source>
        <translation>every {0}{1}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="236"/>
        <source>下次探访：{0} → {1}，因为风险等级改为{2}</source>
        <translation>Next visits: {0} → {1}, because the risk level is now {2}</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/visit_dialog.py" line="257"/>
        <source>确认按此登记吗？</source>
        <translation>Record it like this?</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="231"/>
        <source>志愿服务时长</source>
        <translation>Volunteer hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="235"/>
        <source>未选择</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="236"/>
        <source>（可不选）</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="237"/>
        <source>选择志愿者</source>
        <translation>Choose volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="239"/>
        <source>选择受助老人</source>
        <translation>Choose the elder helped</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="247"/>
        <source>如：陪同就医、读报</source>
        <translation>e.g. accompanying to the doctor, reading the paper</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="254"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="255"/>
        <source>受助老人</source>
        <translation>Elder helped</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="256"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="257"/>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="258"/>
        <source>服务内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../afc_desktop/ui/dialogs/participation_dialogs.py" line="277"/>
        <source>请选择志愿者</source>
        <translation>Please choose a volunteer</translation>
    </message>
</context>
</TS>
