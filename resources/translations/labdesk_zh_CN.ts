<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ActionForm</name>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="114" />
            <source>Choose photo…</source>
            <translation>选择照片…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="116" />
            <source>No photo</source>
            <translation>无照片</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="124" />
            <source>Fault:</source>
            <translation>故障现象：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="125" />
            <source>Reported by:</source>
            <translation>报修人：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="126" />
            <source>Photo:</source>
            <translation>照片：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="136" />
            <source>Back in service (its calibration is valid)</source>
            <translation>恢复使用（校准在有效期内）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="139" />
            <source>Cost (yuan):</source>
            <translation>维修费用（元）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="140" />
            <location filename="../../labdesk/ui/instrument_forms.py" line="177" />
            <source>Result:</source>
            <translation>结果：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="145" />
            <location filename="../../labdesk/ui/instrument_forms.py" line="174" />
            <source>Calibrated by:</source>
            <translation>校准机构：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="155" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="157" />
            <source>No file</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="173" />
            <source>Calibrated on:</source>
            <translation>校准日期：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="175" />
            <source>Certificate no.:</source>
            <translation>证书编号：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="176" />
            <source>Certificate file:</source>
            <translation>证书文件：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="178" />
            <source>Adjustments:</source>
            <translation>调整情况：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="180" />
            <source>Passed: due again in %1 months, and back in service. Failed: out of service.</source>
            <translation>合格：%1 个月后再次到期，恢复使用。不合格：停用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="191" />
            <source>Borrower:</source>
            <translation>借用人/单位：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="192" />
            <source>Due back:</source>
            <translation>应归还日期：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="197" />
            <source>Photo of the fault</source>
            <translation>故障照片</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="198" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
            <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="211" />
            <source>%1 is not an image this computer can read.</source>
            <translation>%1 不是本机能读取的图片。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="220" />
            <source>Calibration certificate</source>
            <translation>校准证书</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="221" />
            <source>Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
            <translation>证书 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="231" />
            <source>(nobody named)</source>
            <translation>（不指定）</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsTab</name>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="77" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="77" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="77" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="77" />
            <source>Added by</source>
            <translation>添加人</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="78" />
            <source>Added at</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="90" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="91" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="92" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="93" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="95" />
            <source>Your job may not add attachments.</source>
            <translation>您的岗位不能添加附件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="97" />
            <source>Your job may not delete attachments.</source>
            <translation>您的岗位不能删除附件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="121" />
            <source>Attachments (%1)</source>
            <translation>附件 (%1)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="191" />
            <source>Calibration certificate %1</source>
            <translation>校准证书 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="192" />
            <source>This record</source>
            <translation>本记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="198" />
            <source>Attach a file</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="199" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="228" />
            <source>No program on this computer opens %1; use Save as… to keep a copy.</source>
            <translation>本机没有能打开 %1 的程序；请用“另存为…”保存一份副本。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="238" />
            <source>Save attachment</source>
            <translation>保存附件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="246" />
            <source>Saved to %1.</source>
            <translation>已保存到 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="257" />
            <source>Delete attachment</source>
            <translation>删除附件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_attachments.py" line="258" />
            <source>Delete %1? The file cannot be recovered from LabDesk afterwards.</source>
            <translation>删除 %1？删除后无法在 LabDesk 中恢复该文件。</translation>
        </message>
    </context>
    <context>
        <name>BenchLog</name>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="149" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="149" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="149" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="150" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="155" />
            <source>Undo last action</source>
            <translation>撤销上一步</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="160" />
            <source>Actions taken here (newest first):</source>
            <translation>本处已执行的操作（最新在前）：</translation>
        </message>
    </context>
    <context>
        <name>CalibrationPlan</name>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="34" />
            <source>Calibration plan</source>
            <translation>校准计划</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="49" />
            <source>{first} to {last}, as of {today}</source>
            <translation>{first} 至 {last}，截至 {today}</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="50" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="36" />
            <source>Instrument code</source>
            <translation>仪器编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="37" />
            <source>Instrument name</source>
            <translation>仪器名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="38" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="39" />
            <source>Location</source>
            <translation>存放地点</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="40" />
            <source>Custodian</source>
            <translation>保管人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="41" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="42" />
            <source>Last calibrated</source>
            <translation>上次校准</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="43" />
            <source>Next due</source>
            <translation>下次校准</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="44" />
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="45" />
            <location filename="../../labdesk/services/calibration_plan.py" line="52" />
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="46" />
            <source>Method</source>
            <translation>校准方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_export.py" line="47" />
            <source>Provider</source>
            <translation>校准机构</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="53" />
            <source>Out of service</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="54" />
            <source>Under repair</source>
            <translation>维修中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="55" />
            <source>Out for calibration</source>
            <translation>送检中</translation>
        </message>
    </context>
    <context>
        <name>CalibrationPlanDialog</name>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="78" />
            <source>Calibration plan</source>
            <translation>校准计划</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="84" />
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="88" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="90" />
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="109" />
            <source>Due within the next</source>
            <translation>到期时间：未来</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="114" />
            <source>Red: calibration overdue.  Amber: due within %1 days.  Double-click a row to open the instrument.</source>
            <translation>红色：校准已逾期。  琥珀色：%1 天内到期。  双击一行可打开仪器卡片。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="132" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="163" />
            <source>Only the first %1 instruments are shown; the Excel export has the whole plan.</source>
            <translation>仅显示前 %1 台仪器；导出的 Excel 包含完整计划。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="166" />
            <source>%1 instruments, %2 overdue.</source>
            <translation>共 %1 台仪器，其中 %2 台逾期。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="215" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="216" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="226" />
            <source>Exporting to %1…</source>
            <translation>正在导出到 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="238" />
            <source>Exported %1 instruments to %2</source>
            <translation>已将 %1 台仪器导出到 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="245" />
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/calibration_plan_view.py" line="248" />
            <source>Export cancelled.</source>
            <translation>导出已取消。</translation>
        </message>
    </context>
    <context>
        <name>Card</name>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="42" />
            <source>Orders</source>
            <translation>委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="43" />
            <source>Order no.</source>
            <translation>委托单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="43" />
            <source>Received</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="43" />
            <location filename="../../labdesk/services/ledgers/business.py" line="126" />
            <location filename="../../labdesk/services/ledgers/business.py" line="206" />
            <location filename="../../labdesk/services/ledgers/business.py" line="270" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="143" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="43" />
            <source>Final price</source>
            <translation>成交价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="94" />
            <source>Contacts</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="103" />
            <source>Contact log</source>
            <translation>联系记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="125" />
            <source>Engineering projects</source>
            <translation>工程台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="185" />
            <source>Receipts</source>
            <translation>收款记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="202" />
            <source>Invoice requests</source>
            <translation>开票申请</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="260" />
            <source>Order lines</source>
            <translation>委托明细</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="269" />
            <source>Samples</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="95" />
            <location filename="../../labdesk/services/ledgers/business.py" line="126" />
            <location filename="../../labdesk/services/ledgers/business.py" line="270" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="95" />
            <source>Title</source>
            <translation>职务</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="95" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="95" />
            <source>E-mail</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="105" />
            <source>Visited at</source>
            <translation>拜访时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="106" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="80" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="223" />
            <source>By</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="107" />
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="108" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="109" />
            <source>Next visit</source>
            <translation>下次拜访</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="126" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="126" />
            <source>Site</source>
            <translation>工程地点</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="187" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="188" />
            <location filename="../../labdesk/services/ledgers/business.py" line="205" />
            <location filename="../../labdesk/services/ledgers/business.py" line="261" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="189" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="253" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="190" />
            <source>Payer</source>
            <translation>付款方</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="191" />
            <source>Reference</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="204" />
            <source>Request no.</source>
            <translation>申请单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="207" />
            <source>Invoice no.</source>
            <translation>发票号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="208" />
            <source>Issued</source>
            <translation>开票日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="261" />
            <source>Description</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="261" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="261" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="270" />
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="270" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="79" />
            <source>Custody</source>
            <translation>流转记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="138" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="206" />
            <source>Versions</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="220" />
            <source>Approvals</source>
            <translation>审批记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="242" />
            <source>Seals</source>
            <translation>用印记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="252" />
            <source>Dispatch</source>
            <translation>发放记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="326" />
            <source>Calibrations</source>
            <translation>校准记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="347" />
            <source>Repairs</source>
            <translation>维修记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="80" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="225" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="243" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="253" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="80" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="80" />
            <source>To</source>
            <translation>接收人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="80" />
            <source>Location</source>
            <translation>存放位置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="140" />
            <source>Task no.</source>
            <translation>任务编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="141" />
            <source>Task</source>
            <translation>任务名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="142" />
            <source>Assignee</source>
            <translation>负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="144" />
            <source>Progress %</source>
            <translation>进度 %</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="145" />
            <source>Due</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="207" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="207" />
            <source>SHA-256</source>
            <translation>SHA-256 摘要</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="207" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="207" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="222" />
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="224" />
            <source>Decision</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="226" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="243" />
            <source>Seal</source>
            <translation>印章</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="243" />
            <source>Signer</source>
            <translation>签字人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="243" />
            <source>Page</source>
            <translation>页码</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="253" />
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="253" />
            <source>Tracking no.</source>
            <translation>快递单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="328" />
            <source>Calibrated on</source>
            <translation>校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="329" />
            <source>Provider</source>
            <translation>校准机构</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="330" />
            <source>Certificate no.</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="331" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="348" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="332" />
            <source>Next due</source>
            <translation>下次校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="348" />
            <source>Reported at</source>
            <translation>报修时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="348" />
            <source>Fault</source>
            <translation>故障描述</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="348" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
    </context>
    <context>
        <name>CardDialog</name>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="96" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="110" />
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="170" />
            <source>History (%1)</source>
            <translation>修改历史 (%1)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="255" />
            <source>Created</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="256" />
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="257" />
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="264" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="265" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="266" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="267" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="268" />
            <source>Old value</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="269" />
            <source>New value</source>
            <translation>新值</translation>
        </message>
    </context>
    <context>
        <name>CardEditor</name>
        <message>
            <location filename="../../labdesk/ui/card_editor.py" line="163" />
            <source>Your job roles do not allow changing this field.</source>
            <translation>您的岗位角色不允许修改此字段。</translation>
        </message>
    </context>
    <context>
        <name>CatalogueChooser</name>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="297" />
            <source>Add test items</source>
            <translation>添加检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="302" />
            <source>Search code, name, standard, parameter or department</source>
            <translation>搜索编号、名称、标准、参数或科室</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="303" />
            <location filename="../../labdesk/ui/order_form_lines.py" line="305" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="303" />
            <source>Test item</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="303" />
            <source>Standard</source>
            <translation>标准</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="304" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="304" />
            <source>Priced per</source>
            <translation>计价单位</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="305" />
            <source>Package</source>
            <translation>套餐</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="305" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="305" />
            <source>Items</source>
            <translation>包含项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="307" />
            <source>Test items</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="308" />
            <source>Packages</source>
            <translation>套餐</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="312" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="356" />
            <source>sample</source>
            <translation>按样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="356" />
            <source>parameter</source>
            <translation>按参数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="357" />
            <source>point</source>
            <translation>按点</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="366" />
            <source>%1 test items, %2 packages</source>
            <translation>%1 个检测项目，%2 个套餐</translation>
        </message>
    </context>
    <context>
        <name>CodingRulesDialog</name>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="68" />
            <source>Coding rules</source>
            <translation>编号规则</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="84" />
            <source>Letters put before every number, e.g. WT</source>
            <translation>放在每个编号前面的字母，例如 WT</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="86" />
            <source>no year</source>
            <translation>不含年份</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="86" />
            <source>year (2026)</source>
            <translation>年份（2026）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="86" />
            <source>year (26)</source>
            <translation>年份（26）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="88" />
            <source>month (03)</source>
            <translation>月（03）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="89" />
            <source>day (07)</source>
            <translation>日（07）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="91" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="93" />
            <source>a separate sequence per type</source>
            <translation>每个类型单独流水</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="94" />
            <source>E.g. per sample type: the type code goes into the number</source>
            <translation>例如按样品类型：类型代码写入编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="102" />
            <source>Fields: {prefix} {yyyy} {yy} {mm} {dd} {type} {seq}</source>
            <translation>可用字段：{prefix} {yyyy} {yy} {mm} {dd} {type} {seq}</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="110" />
            <source>A type code to show in the preview</source>
            <translation>预览中使用的类型代码</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="112" />
            <source>Prefix:</source>
            <translation>前缀：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="113" />
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="114" />
            <source>Separator:</source>
            <translation>分隔符：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="115" />
            <source>Per type:</source>
            <translation>按类型：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="116" />
            <source>Pattern:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="117" />
            <source>Sequence digits:</source>
            <translation>流水号位数：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="118" />
            <source>Start again at 1:</source>
            <translation>流水号归 1：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="119" />
            <source>Example type code:</source>
            <translation>示例类型代码：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="131" />
            <source>Next numbers:</source>
            <translation>接下来的编号：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="145" />
            <source>Only an administrator may change coding rules; you can look at them.</source>
            <translation>只有管理员可以修改编号规则；您可以查看。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="172" />
            <source>Orders</source>
            <translation>委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="173" />
            <source>Samples</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="174" />
            <source>Instruments</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="175" />
            <source>Contracts</source>
            <translation>合同</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="176" />
            <source>Reports</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="177" />
            <source>Invoices</source>
            <translation>发票</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="178" />
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="179" />
            <source>Projects</source>
            <translation>工程项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="180" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="185" />
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="186" />
            <source>every year</source>
            <translation>每年</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="187" />
            <source>every month</source>
            <translation>每月</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="188" />
            <source>every day</source>
            <translation>每天</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/coding_rules_dialog.py" line="329" />
            <source>Saved the coding rule for %1.</source>
            <translation>已保存%1的编号规则。</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <location filename="../../labdesk/ui/column_layout.py" line="75" />
            <source>Reset columns</source>
            <translation>恢复默认列</translation>
        </message>
    </context>
    <context>
        <name>ColumnFilterDialog</name>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="50" />
            <source>Filter %1</source>
            <translation>筛选%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="63" />
            <source>from..to, e.g. 2026-01-01..2026-03-31 or 2026-03</source>
            <translation>起..止，如 2026-01-01..2026-03-31 或 2026-03</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="64" />
            <source>contains…</source>
            <translation>包含…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="81" />
            <source>Clear all</source>
            <translation>全部清除</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="65" />
            <source>Saved by someone else</source>
            <translation>已被他人保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="80" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="80" />
            <source>Your value</source>
            <translation>您的值</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="80" />
            <source>Their value</source>
            <translation>对方的值</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="80" />
            <source>Original</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="101" />
            <source>Reload (discard mine)</source>
            <translation>重新载入（放弃我的修改）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="103" />
            <source>Apply mine on top of theirs</source>
            <translation>在对方修改基础上应用我的修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/conflict_dialog.py" line="105" />
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="56" />
            <source>Connect to a database server</source>
            <translation>连接数据库服务器</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="76" />
            <source>Server (host):</source>
            <translation>服务器（主机）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="77" />
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="78" />
            <source>Database:</source>
            <translation>数据库：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="79" />
            <source>User:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="80" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="82" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="92" />
            <source>The password is kept in the system's credential store, never in a file.</source>
            <translation>密码保存在系统凭据管理器中，不会写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="100" />
            <source>Use the local database</source>
            <translation>使用本地数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="103" />
            <source>Use the demo database</source>
            <translation>使用演示数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="133" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/connection_dialog.py" line="146" />
            <source>Connection OK.</source>
            <translation>连接成功。</translation>
        </message>
    </context>
    <context>
        <name>CustomerPicker</name>
        <message>
            <location filename="../../labdesk/ui/order_customer_picker.py" line="44" />
            <source>Type a few letters of the customer's name or code</source>
            <translation>输入客户名称或编号的几个字</translation>
        </message>
    </context>
    <context>
        <name>DatabaseOpener</name>
        <message>
            <location filename="../../labdesk/ui/database_opener.py" line="44" />
            <source>Preparing the demo database was cancelled.</source>
            <translation>已取消准备演示数据库。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/database_opener.py" line="68" />
            <source>Preparing the demo database…</source>
            <translation>正在准备演示数据库…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/database_opener.py" line="70" />
            <source>Connecting to %1…</source>
            <translation>正在连接 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/database_opener.py" line="75" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../../labdesk/ui/card_editor.py" line="57" />
            <source>Clear the date</source>
            <translation>清除日期</translation>
        </message>
    </context>
    <context>
        <name>DemoBanner</name>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="22" />
            <source>This is the demo database — its customers, orders and instruments are made up.</source>
            <translation>这是演示数据库——其中的客户、委托单和仪器设备均为虚构数据。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="25" />
            <source>Create an empty local database</source>
            <translation>新建空白本地数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="27" />
            <source>Connect to a server…</source>
            <translation>连接服务器…</translation>
        </message>
    </context>
    <context>
        <name>EditPanel</name>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="77" />
            <source>Loading…</source>
            <translation>正在载入…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="81" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="85" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="87" />
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="126" />
            <source>Your job roles do not allow changing this record.</source>
            <translation>您的岗位角色不允许修改此记录。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="140" />
            <source>Nothing changed.</source>
            <translation>没有任何修改。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="159" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="177" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="244" />
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="245" />
            <source>Discard your unsaved changes to this card?</source>
            <translation>放弃对此卡片未保存的修改吗？</translation>
        </message>
    </context>
    <context>
        <name>ExportJob</name>
        <message>
            <location filename="../../labdesk/ui/export_runner.py" line="45" />
            <source>Exporting to %1…</source>
            <translation>正在导出到 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/export_runner.py" line="46" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/export_runner.py" line="47" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/export_runner.py" line="92" />
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>FeeBatchDialog</name>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="56" />
            <source>Batch edit fees</source>
            <translation>批量修改收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="62" />
            <source>Reading the selection…</source>
            <translation>正在读取所选委托…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="72" />
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="77" />
            <source>Unchanged</source>
            <translation>不变</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="73" />
            <source>Charged</source>
            <translation>已收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="74" />
            <source>Not charged (free)</source>
            <translation>不收费（免费）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="78" />
            <source>Received in full (each order's final price)</source>
            <translation>全额收讫（各委托的最终价格）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="79" />
            <source>This amount for every order:</source>
            <translation>每个委托均为此金额：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="85" />
            <source>Replace the note with:</source>
            <translation>备注替换为：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="90" />
            <source>(empty clears the note)</source>
            <translation>（留空则清除备注）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="100" />
            <source>Charged?</source>
            <translation>是否收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="101" />
            <source>Amount received</source>
            <translation>实收金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="102" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="103" />
            <source>Each changed order is marked as confirmed by %1 now.</source>
            <translation>修改的每个委托将记为由 %1 于此刻确认。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="113" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="115" />
            <source>Read again</source>
            <translation>重新读取</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="148" />
            <source>%1 orders, total %2</source>
            <translation>%1 个委托，合计 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="150" />
            <source>Received %1, outstanding %2</source>
            <translation>已收 %1，未收 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="154" />
            <source>None of the selected orders has a fee row any more; refresh the ledger.</source>
            <translation>所选委托都已没有收费记录；请刷新台账。</translation>
        </message>
    </context>
    <context>
        <name>FeeLedgerTools</name>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="228" />
            <source>Batch edit…</source>
            <translation>批量修改…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="230" />
            <source>Set charged?, amount received and note of the selected orders</source>
            <translation>修改所选委托的是否收费、实收金额和备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="231" />
            <source>Only finance may batch-edit fees.</source>
            <translation>只有财务可以批量修改收费。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="263" />
            <source>Some selected rows are not loaded yet; scroll to them or select all rows (Ctrl+A).</source>
            <translation>部分所选行尚未载入；请滚动到这些行，或全选（Ctrl+A）。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="288" />
            <source>Fees of %1 orders changed</source>
            <translation>已修改 %1 个委托的收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/fee_batch_dialog.py" line="304" />
            <source>%1 orders: final price %2, received %3, outstanding %4</source>
            <translation>%1 个委托：应收 %2，已收 %3，未收 %4</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="127" />
            <location filename="../../labdesk/ui/ledger_filters.py" line="153" />
            <source>Filters…</source>
            <translation>筛选…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="131" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="153" />
            <source>Filters (%1)…</source>
            <translation>筛选（%1）…</translation>
        </message>
    </context>
    <context>
        <name>ImportSheet</name>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="51" />
            <source>Instruments</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="120" />
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="154" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="122" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="123" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="124" />
            <source>Header</source>
            <translation>表头</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import_sheets.py" line="125" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="82" />
            <source>Sample list</source>
            <translation>送样清单</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="125" />
            <source>Import instruments from Excel</source>
            <translation>从 Excel 导入仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="144" />
            <source>Choose an Excel workbook with one instrument per row under a row of headers, as in the template. Rows without an instrument code are numbered by the coding rule. Nothing is written until every row is correct.</source>
            <translation>请选择 Excel 工作簿：第一行为表头，其下每行一台设备，格式同导入模板。未填设备编号的行按编码规则自动编号。所有行都正确后才会写入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="153" />
            <source>Workbook (.xlsx)</source>
            <translation>工作簿（.xlsx）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="154" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="156" />
            <source>Download template…</source>
            <translation>下载模板…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="159" />
            <source>Check file</source>
            <translation>检查文件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="195" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="197" />
            <source>Save error report…</source>
            <translation>保存错误报告…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="200" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="221" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="224" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="250" />
            <source>Choose a workbook</source>
            <translation>选择工作簿</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="252" />
            <source>Excel workbooks (*.xlsx *.xlsm *.xls)</source>
            <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="261" />
            <source>Choose a workbook first.</source>
            <translation>请先选择工作簿。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="263" />
            <source>Checking %1…</source>
            <translation>正在检查 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="286" />
            <source>… and %1 more: save the error report to see them all.</source>
            <translation>… 另有 %1 个问题：请保存错误报告查看全部。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="292" />
            <source>Rows checked: %1. No problems: ready to import.</source>
            <translation>已检查 %1 行，没有问题，可以导入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="297" />
            <source>Problems found: %1. Nothing can be imported until they are corrected in the file.</source>
            <translation>发现 %1 个问题。请在文件中改正后再导入，改正前不会导入任何数据。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="330" />
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="355" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="361" />
            <source>Instruments imported: %1.</source>
            <translation>已导入 %1 台设备。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="383" />
            <source>Instrument import template</source>
            <translation>仪器设备导入模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="385" />
            <source>Save the import template</source>
            <translation>保存导入模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="385" />
            <location filename="../../labdesk/ui/import_wizard.py" line="397" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="395" />
            <source>Import problems</source>
            <translation>导入问题</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="397" />
            <source>Save the error report</source>
            <translation>保存错误报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="417" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="430" />
            <source>Import from Excel…</source>
            <translation>从 Excel 导入…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="435" />
            <source>Add instruments from an Excel workbook</source>
            <translation>从 Excel 工作簿批量添加仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/import_wizard.py" line="437" />
            <source>Only equipment managers may import instruments</source>
            <translation>只有设备管理员可以导入仪器设备</translation>
        </message>
    </context>
    <context>
        <name>InstrumentActions</name>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="37" />
            <source>Repair requested</source>
            <translation>报修</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="38" />
            <source>Repair started</source>
            <translation>开始维修</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="39" />
            <source>Repaired, back in service</source>
            <translation>维修完成，恢复使用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="40" />
            <source>Repaired, not back in service</source>
            <translation>维修完成，暂不启用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="41" />
            <source>Sent for calibration</source>
            <translation>送检校准</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="42" />
            <source>Calibrated: pass</source>
            <translation>校准合格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="43" />
            <source>Calibrated: fail</source>
            <translation>校准不合格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="44" />
            <source>Taken out of service</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="45" />
            <source>Returned to service</source>
            <translation>恢复使用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="46" />
            <source>Lent</source>
            <translation>借出</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="47" />
            <location filename="../../labdesk/ui/instrument_forms.py" line="59" />
            <source>Loan returned</source>
            <translation>借用归还</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="48" />
            <source>Retired</source>
            <translation>报废</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="49" />
            <source>Status changed</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="138" />
            <location filename="../../labdesk/ui/instrument_actions.py" line="153" />
            <source>Actions…</source>
            <translation>操作…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="140" />
            <source>Repair, calibration, loan … of the selected instrument (Ctrl+Shift+A)</source>
            <translation>所选仪器的报修、校准、借用等操作（Ctrl+Shift+A）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="156" />
            <source>Open card</source>
            <translation>打开卡片</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="158" />
            <source>Print labels…</source>
            <translation>打印标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="168" />
            <source>Select an instrument first.</source>
            <translation>请先选择一台仪器。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="51" />
            <source>Request repair</source>
            <translation>报修</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="52" />
            <source>Start repair</source>
            <translation>开始维修</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="53" />
            <source>Finish repair</source>
            <translation>维修完成</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="54" />
            <source>Send for calibration</source>
            <translation>送检校准</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="55" />
            <source>Record calibration</source>
            <translation>登记校准结果</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="56" />
            <source>Take out of service</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="57" />
            <source>Return to service</source>
            <translation>恢复使用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="58" />
            <source>Lend</source>
            <translation>借出</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_forms.py" line="60" />
            <source>Retire</source>
            <translation>报废</translation>
        </message>
    </context>
    <context>
        <name>InstrumentActionsDialog</name>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="61" />
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="61" />
            <source>Model:</source>
            <translation>型号：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="62" />
            <source>Location:</source>
            <translation>存放地点：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="62" />
            <source>Custodian:</source>
            <translation>保管人：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="63" />
            <source>Calibration:</source>
            <translation>校准：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="63" />
            <source>Now:</source>
            <translation>当前：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="67" />
            <source>Instrument %1</source>
            <translation>仪器 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="95" />
            <source>Calibration overdue since %1: this instrument must not be used until it is calibrated.</source>
            <translation>校准已于 %1 到期：校准之前不得使用此仪器。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="111" />
            <source>last %1, due %2</source>
            <translation>上次 %1，到期 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="117" />
            <source>lent to %1, due back %2</source>
            <translation>借给 %1，应于 %2 归还</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="121" />
            <source>fault reported %1 by %2: %3</source>
            <translation>%1 由 %2 报修：%3</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/instrument_actions.py" line="124" />
            <source>(repair not started)</source>
            <translation>（尚未开始维修）</translation>
        </message>
    </context>
    <context>
        <name>IntakeQueueDialog</name>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="83" />
            <source>Intake queue</source>
            <translation>待受理委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="84" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="88" />
            <source>Submitted</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="88" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="88" />
            <source>Samples</source>
            <translation>样品数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="89" />
            <source>Lines</source>
            <translation>检测项数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="89" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="89" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="103" />
            <source>Accept</source>
            <translation>受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="105" />
            <source>Number the order and its samples; it joins the Orders ledger</source>
            <translation>为委托及其样品编号，并加入委托台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="106" />
            <source>Only the front desk accepts orders.</source>
            <translation>只有前台可以受理委托。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="108" />
            <source>Reject…</source>
            <translation>拒绝…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="111" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="159" />
            <source>No orders are waiting.</source>
            <translation>没有待受理的委托。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="160" />
            <source>1 order is waiting.</source>
            <translation>有 1 个委托待受理。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="161" />
            <source>%1 orders are waiting.</source>
            <translation>有 %1 个委托待受理。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="193" />
            <source>Accepted as order %1; samples %2.</source>
            <translation>已受理，委托编号 %1；样品编号 %2。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/intake_queue.py" line="222" />
            <source>The request was rejected.</source>
            <translation>已拒绝该委托申请。</translation>
        </message>
    </context>
    <context>
        <name>LabelJobsDialog</name>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="59" />
            <source>Label print jobs</source>
            <translation>标签打印记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="64" />
            <source>Job</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="64" />
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="64" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="64" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="64" />
            <source>Printed</source>
            <translation>已打印</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="65" />
            <source>Reprints</source>
            <translation>补打</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="65" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="65" />
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="65" />
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="65" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="77" />
            <source>The job's own printer</source>
            <translation>任务原来的打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="81" />
            <source>Resume on the printer the job used, or on another printer</source>
            <translation>在任务原来的打印机或另一台打印机上继续</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="83" />
            <source>Resume on:</source>
            <translation>继续打印于：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="95" />
            <source>Resume…</source>
            <translation>继续打印…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="96" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="97" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="134" />
            <source>running</source>
            <translation>打印中</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="135" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="136" />
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="137" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="138" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="143" />
            <source>instrument</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="143" />
            <source>sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="222" />
            <source>The job's printer %1 is not an address LabDesk can reach; choose a printer to resume on.</source>
            <translation>任务的打印机 %1 不是 LabDesk 能连接的地址；请选择一台打印机继续打印。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_jobs_dialog.py" line="245" />
            <source>Resuming job %1…</source>
            <translation>正在继续任务 %1…</translation>
        </message>
    </context>
    <context>
        <name>LabelPrintDialog</name>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="66" />
            <source>Print labels</source>
            <translation>打印标签</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="67" />
            <source>instrument labels</source>
            <translation>张仪器设备标签</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="67" />
            <source>sample labels</source>
            <translation>张样品标签</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="68" />
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="76" />
            <source>A printer of this workstation, or an address: tcp://HOST:9100, cups:QUEUE or file:PATH</source>
            <translation>本工作站的打印机，或打印机地址：tcp://主机:9100、cups:队列名 或 file:文件路径</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="94" />
            <source>Printer:</source>
            <translation>打印机：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="95" />
            <source>Language:</source>
            <translation>打印语言：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="96" />
            <source>Template:</source>
            <translation>标签模板：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="97" />
            <source>Copies:</source>
            <translation>份数：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="112" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="113" />
            <source>Resume</source>
            <translation>继续打印</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="114" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="115" />
            <source>A4 sheet (PDF)…</source>
            <translation>A4 标签纸（PDF）…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="238" />
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="281" />
            <source>Save label sheet</source>
            <translation>保存标签纸</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="299" />
            <source>Writing the sheet…</source>
            <translation>正在生成标签纸…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_print_dialog.py" line="303" />
            <source>%1 pages written to %2</source>
            <translation>已写入 %1 页：%2</translation>
        </message>
    </context>
    <context>
        <name>LabelRuns</name>
        <message>
            <location filename="../../labdesk/ui/label_runs.py" line="41" />
            <source>%1 of %2 labels confirmed (job %3).</source>
            <translation>已确认 %1 / %2 张标签（任务 %3）。</translation>
        </message>
    </context>
    <context>
        <name>LabelTemplatesDialog</name>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="84" />
            <source>Label templates</source>
            <translation>标签模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="93" />
            <source>Instrument</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="94" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="102" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="103" />
            <source>Kind:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="104" />
            <source>Width (mm):</source>
            <translation>宽度（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="105" />
            <source>Height (mm):</source>
            <translation>高度（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="106" />
            <source>Resolution:</source>
            <translation>分辨率：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="107" />
            <source>Margin (mm):</source>
            <translation>边距（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="112" />
            <source>Source</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="113" />
            <source>X</source>
            <translation>X</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="114" />
            <source>Y</source>
            <translation>Y</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="115" />
            <source>W</source>
            <translation>宽</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="116" />
            <source>H</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="117" />
            <source>Font mm</source>
            <translation>字号 mm</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="118" />
            <source>Min font</source>
            <translation>最小字号</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="119" />
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="120" />
            <source>Caption</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="139" />
            <source>New (copy)</source>
            <translation>新建（复制）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="140" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="141" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="149" />
            <source>Your job roles do not include editing label templates.</source>
            <translation>您的岗位角色不包括编辑标签模板。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="163" />
            <source>Fields (mm from the top-left corner):</source>
            <translation>字段（距左上角的毫米数）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="166" />
            <source>Preview (demo record):</source>
            <translation>预览（示例记录）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="217" />
            <source>[built-in]</source>
            <translation>[内置]</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="219" />
            <source>[not saved]</source>
            <translation>[未保存]</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="222" />
            <source>Built-in templates are read-only; New makes a copy you can edit.</source>
            <translation>内置模板只读；点“新建”可复制一份进行编辑。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="234" />
            <source>A built-in template cannot be changed; New makes a copy you can edit.</source>
            <translation>内置模板不能修改；点“新建”可复制一份进行编辑。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="283" />
            <source>row %1: %2 is not a number</source>
            <translation>第 %1 行：%2 不是数字</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="313" />
            <source>This template cannot be printed:</source>
            <translation>此模板无法打印：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="382" />
            <source>Template %1 saved.</source>
            <translation>模板 %1 已保存。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="399" />
            <source>Delete template</source>
            <translation>删除模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="400" />
            <source>Delete the template %1? Labels already printed are not affected.</source>
            <translation>删除模板 %1？已打印的标签不受影响。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="416" />
            <source>Template %1 deleted.</source>
            <translation>模板 %1 已删除。</translation>
        </message>
    </context>
    <context>
        <name>Ledger</name>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="15" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="16" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="141" />
            <source>Calibration method</source>
            <translation>校准方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="148" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="303" />
            <source>Calibration due</source>
            <translation>校准到期日</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="165" />
            <location filename="../../labdesk/services/ledgers/business.py" line="61" />
            <source>Customer code</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="166" />
            <location filename="../../labdesk/services/ledgers/business.py" line="62" />
            <source>Customer name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="167" />
            <location filename="../../labdesk/services/ledgers/business.py" line="63" />
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="168" />
            <location filename="../../labdesk/services/ledgers/business.py" line="66" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="169" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="170" />
            <location filename="../../labdesk/services/ledgers/business.py" line="77" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="171" />
            <location filename="../../labdesk/services/ledgers/business.py" line="67" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="172" />
            <location filename="../../labdesk/services/ledgers/business.py" line="68" />
            <source>Sales owner</source>
            <translation>业务负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="173" />
            <location filename="../../labdesk/services/ledgers/business.py" line="69" />
            <source>Next follow-up</source>
            <translation>下次回访</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="174" />
            <location filename="../../labdesk/services/instrument_fields.py" line="103" />
            <location filename="../../labdesk/services/ledgers/business.py" line="255" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="144" />
            <source>Internal</source>
            <translation>内部校准</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="145" />
            <source>External</source>
            <translation>外部送检</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="54" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="282" />
            <source>Instrument code</source>
            <translation>设备编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="56" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="290" />
            <source>Instrument name</source>
            <translation>设备名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="58" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="296" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="59" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="297" />
            <source>Serial no.</source>
            <translation>出厂编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="60" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="298" />
            <source>Manufacturer</source>
            <translation>生产厂家</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="61" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="304" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="62" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="62" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="300" />
            <source>Location</source>
            <translation>存放位置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="64" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="301" />
            <source>Custodian</source>
            <translation>保管人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="66" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="313" />
            <source>Purchased</source>
            <translation>购置日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="68" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="307" />
            <source>Interval (months)</source>
            <translation>校准周期（月）</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="70" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="302" />
            <source>Last calibrated</source>
            <translation>上次校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="71" />
            <location filename="../../labdesk/services/ledgers/business.py" line="64" />
            <location filename="../../labdesk/services/ledgers/business.py" line="166" />
            <location filename="../../labdesk/services/ledgers/business.py" line="248" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="60" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="115" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="183" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="299" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="74" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="314" />
            <source>Purchase price</source>
            <translation>购置价格</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="78" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="312" />
            <source>Certificate no.</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="86" />
            <source>Measuring range</source>
            <translation>测量范围</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="93" />
            <source>Accuracy</source>
            <translation>准确度</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_fields.py" line="97" />
            <source>Calibration provider</source>
            <translation>校准机构</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="21" />
            <source>Audit trail</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="22" />
            <source>Audit entry</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="26" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="27" />
            <source>Table</source>
            <translation>数据表</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="28" />
            <source>Record ID</source>
            <translation>记录号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="29" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="30" />
            <source>Database user</source>
            <translation>数据库用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="31" />
            <source>App user</source>
            <translation>应用用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="33" />
            <source>Changes</source>
            <translation>变更内容</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="34" />
            <source>Transaction</source>
            <translation>事务号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="55" />
            <source>Customers</source>
            <translation>客户台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="56" />
            <location filename="../../labdesk/services/ledgers/business.py" line="165" />
            <location filename="../../labdesk/services/ledgers/business.py" line="247" />
            <location filename="../../labdesk/services/ledgers/business.py" line="296" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="114" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="182" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="157" />
            <source>Contracts</source>
            <translation>合同台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="158" />
            <source>Contract</source>
            <translation>合同</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="239" />
            <source>Orders</source>
            <translation>委托单台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="240" />
            <source>Order</source>
            <translation>委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="285" />
            <source>Fees</source>
            <translation>委托收费台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="286" />
            <source>Order fee</source>
            <translation>委托收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="65" />
            <source>Customer type</source>
            <translation>客户类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="72" />
            <source>Unified credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="80" />
            <source>Updated at</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="163" />
            <source>Contract no.</source>
            <translation>合同编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="164" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="180" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="167" />
            <source>Signed</source>
            <translation>签订日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="168" />
            <source>Amount</source>
            <translation>合同金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="169" />
            <location filename="../../labdesk/services/ledgers/business.py" line="302" />
            <source>Received</source>
            <translation>已收款</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="170" />
            <source>Invoiced</source>
            <translation>已开票</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="171" />
            <source>Ends</source>
            <translation>到期日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="246" />
            <location filename="../../labdesk/services/ledgers/business.py" line="295" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="58" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="181" />
            <source>Order no.</source>
            <translation>委托单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="249" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="250" />
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="251" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="126" />
            <source>Due</source>
            <translation>要求完成日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="252" />
            <location filename="../../labdesk/services/ledgers/business.py" line="298" />
            <source>List price</source>
            <translation>标准价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="253" />
            <location filename="../../labdesk/services/ledgers/business.py" line="300" />
            <source>Final price</source>
            <translation>成交价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="254" />
            <source>Report delivery</source>
            <translation>报告领取方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="297" />
            <source>Order status</source>
            <translation>委托状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="299" />
            <source>Discount</source>
            <translation>优惠金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="301" />
            <source>Charged</source>
            <translation>已收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="305" />
            <source>Outstanding</source>
            <translation>未收金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="310" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="311" />
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="312" />
            <source>Confirmed at</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="47" />
            <source>Samples</source>
            <translation>样品台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="48" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="103" />
            <source>Projects</source>
            <translation>项目台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="104" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="169" />
            <source>Reports</source>
            <translation>报告台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="170" />
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="271" />
            <source>Instruments</source>
            <translation>仪器设备台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="272" />
            <source>Instrument</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="56" />
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="57" />
            <location filename="../../labdesk/services/sample_sheet.py" line="47" />
            <source>Sample name</source>
            <translation>样品名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="59" />
            <location filename="../../labdesk/services/sample_sheet.py" line="53" />
            <source>Sample type</source>
            <translation>样品类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="61" />
            <source>Holder</source>
            <translation>领取人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="63" />
            <location filename="../../labdesk/services/sample_sheet.py" line="49" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="64" />
            <location filename="../../labdesk/services/sample_sheet.py" line="51" />
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="65" />
            <source>Received at</source>
            <translation>收样时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="66" />
            <location filename="../../labdesk/services/sample_sheet.py" line="54" />
            <source>Storage</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="67" />
            <source>After testing</source>
            <translation>检后处理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="112" />
            <source>Project no.</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="113" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="116" />
            <source>Manager</source>
            <translation>项目负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="119" />
            <source>Progress %</source>
            <translation>进度 %</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="125" />
            <source>Start</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="127" />
            <source>Subcontracted</source>
            <translation>分包</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="179" />
            <source>Report no.</source>
            <translation>报告编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="184" />
            <source>Drafted by</source>
            <translation>编制人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="187" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="193" />
            <source>Issued at</source>
            <translation>签发时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="55" />
            <source>Test items</source>
            <translation>检测项目</translation>
        </message>
    </context>
    <context>
        <name>LedgerFilters</name>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="38" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
    </context>
    <context>
        <name>LedgerTab</name>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="84" />
            <source>Search (Ctrl+F)…</source>
            <translation>搜索（Ctrl+F）…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="103" />
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="104" />
            <source>Export the rows shown, with the visible columns (Ctrl+E)</source>
            <translation>导出当前显示的行和可见列（Ctrl+E）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="108" />
            <source>Print sample labels…</source>
            <translation>打印样品标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="110" />
            <source>Print QR labels for the samples of the selected orders (Ctrl+P)</source>
            <translation>为选中委托单的样品打印二维码标签（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="112" />
            <source>Print labels…</source>
            <translation>打印标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="113" />
            <source>Print QR labels for the selected rows (Ctrl+P)</source>
            <translation>为选中的行打印二维码标签（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="118" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="122" />
            <source>Calibration plan…</source>
            <translation>校准计划…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="124" />
            <source>Instruments due for calibration in the coming months, overdue first</source>
            <translation>未来几个月内到期需校准的仪器，逾期的排在最前</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="127" />
            <location filename="../../labdesk/ui/ledger_view.py" line="295" />
            <source>New %1</source>
            <translation>新建%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="130" />
            <source>A new record (Ctrl+N)</source>
            <translation>新建记录（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="318" />
            <source>Select the rows to print labels for first.</source>
            <translation>请先选择要打印标签的行。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="337" />
            <source>The selected orders have no samples.</source>
            <translation>选中的委托单没有样品。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="371" />
            <location filename="../../labdesk/ui/ledger_view.py" line="400" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="372" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="384" />
            <source>Export cancelled.</source>
            <translation>已取消导出。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="394" />
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="406" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="409" />
            <source>1 row</source>
            <translation>共 1 条</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="410" />
            <source>%1 rows</source>
            <translation>共 %1 条</translation>
        </message>
    </context>
    <context>
        <name>LinesPanel</name>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="154" />
            <source>Tests</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="164" />
            <source>Add tests…</source>
            <translation>添加检测项目…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="167" />
            <source>For the selected sample, or the whole order when none is selected</source>
            <translation>添加到所选样品；未选样品时添加到整个委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="169" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../labdesk/ui/app.py" line="57" />
            <source>Cannot use the database address %1: %2</source>
            <translation>无法使用数据库地址 %1：%2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="66" />
            <source>This local database file is single-user: to work together on several computers, connect all of them to one database server.</source>
            <translation>本地数据库文件仅供单人使用：如需多台电脑协同工作，请将它们连接到同一台数据库服务器。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="97" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="98" />
            <source>Connect to server…</source>
            <translation>连接服务器…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="99" />
            <source>Use local database</source>
            <translation>使用本地数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="100" />
            <source>Use demo database</source>
            <translation>使用演示数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="102" />
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="105" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="107" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="109" />
            <location filename="../../labdesk/ui/main_window.py" line="388" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="118" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="121" />
            <source>&amp;Labels</source>
            <translation>标签(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="122" />
            <source>Print job log…</source>
            <translation>打印记录…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="123" />
            <source>Printers…</source>
            <translation>打印机…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="124" />
            <source>Label templates…</source>
            <translation>标签模板…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="127" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="128" />
            <source>Coding rules…</source>
            <translation>编号规则…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="130" />
            <source>Users…</source>
            <translation>用户…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="132" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="133" />
            <location filename="../../labdesk/ui/main_window.py" line="395" />
            <source>About LabDesk</source>
            <translation>关于 LabDesk</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="148" />
            <source>Connecting to %1…</source>
            <translation>正在连接 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="151" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="159" />
            <source>Preparing the demo database…</source>
            <translation>正在准备演示数据库…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="180" />
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="182" />
            <location filename="../../labdesk/ui/main_window.py" line="379" />
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="182" />
            <location filename="../../labdesk/ui/main_window.py" line="379" />
            <source>Connection lost</source>
            <translation>连接已断开</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="198" />
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="243" />
            <source>Password not saved</source>
            <translation>密码未保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="244" />
            <source>This computer has no credential store (keyring), so the password is kept only until LabDesk closes; you will be asked again next time.</source>
            <translation>这台电脑没有可用的凭据管理器（keyring），密码只保留到 LabDesk 关闭为止；下次启动时需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="305" />
            <source>Open a database first.</source>
            <translation>请先打开数据库。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="310" />
            <source>Print job log</source>
            <translation>打印记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="331" />
            <source>Label templates</source>
            <translation>标签模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="339" />
            <source>Label templates are not available in this version of LabDesk.</source>
            <translation>此版本的 LabDesk 不提供标签模板。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="345" />
            <source>Coding rules</source>
            <translation>编号规则</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="354" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="389" />
            <source>The new language applies when LabDesk is restarted.</source>
            <translation>新的界面语言将在重新启动 LabDesk 后生效。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="393" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="396" />
            <source>&lt;h3&gt;LabDesk %1&lt;/h3&gt;&lt;p&gt;The testing laboratory's workbench.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Server: %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;LabDesk %1&lt;/h3&gt;&lt;p&gt;检测实验室工作台。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br&gt;服务器：%3&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>NewRecordDialog</name>
        <message>
            <location filename="../../labdesk/ui/card_edit_panel.py" line="264" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>OrderAction</name>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="67" />
            <source>Submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="68" />
            <source>Confirm fee</source>
            <translation>确认收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="69" />
            <source>Accept</source>
            <translation>受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="70" />
            <source>Start testing</source>
            <translation>开始检测</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="71" />
            <source>Complete</source>
            <translation>检测完成</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="72" />
            <source>Reported</source>
            <translation>已出报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="73" />
            <source>Cancel order</source>
            <translation>取消委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="74" />
            <source>Accept request</source>
            <translation>受理申请</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="75" />
            <source>Reject request</source>
            <translation>拒绝申请</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="41" />
            <source>Created</source>
            <translation>创建</translation>
        </message>
    </context>
    <context>
        <name>OrderActions</name>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="56" />
            <source>(no number yet)</source>
            <translation>（尚未编号）</translation>
        </message>
    </context>
    <context>
        <name>OrderActionsDialog</name>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="140" />
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="140" />
            <source>Customer:</source>
            <translation>客户：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="141" />
            <source>Final price:</source>
            <translation>应收金额：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="141" />
            <source>Fee:</source>
            <translation>收费：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="142" />
            <source>Fee note:</source>
            <translation>收费备注：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="148" />
            <source>Order workflow</source>
            <translation>委托流程</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="168" />
            <source>Order %1</source>
            <translation>委托 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="180" />
            <source>not confirmed by finance yet</source>
            <translation>财务尚未确认</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="182" />
            <source>not charged (free)</source>
            <translation>不收费（免费）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="184" />
            <source>charged, received %1, outstanding %2</source>
            <translation>应收费，已收 %1，未收 %2</translation>
        </message>
    </context>
    <context>
        <name>OrderForm</name>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="200" />
            <location filename="../../labdesk/ui/order_form_lines.py" line="257" />
            <source>Whole order</source>
            <translation>整个委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="201" />
            <source>(removed sample)</source>
            <translation>（已删除的样品）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="210" />
            <source>Refused</source>
            <translation>不予计价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="147" />
            <source>(after saving)</source>
            <translation>（保存后生成）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_saving.py" line="48" />
            <source>The order was not saved:</source>
            <translation>委托单未保存：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_saving.py" line="54" />
            <source>Your input is kept: press Retry once the server is back.</source>
            <translation>您填写的内容已保留：服务器恢复后请点“重试”。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_saving.py" line="63" />
            <source>Order changed elsewhere</source>
            <translation>委托单已被他人修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_saving.py" line="67" />
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_saving.py" line="69" />
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="59" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="60" />
            <source>Test item / package</source>
            <translation>检测项目 / 套餐</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="61" />
            <location filename="../../labdesk/ui/order_form_samples.py" line="39" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="62" />
            <source>Count</source>
            <translation>参数/点数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="63" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="64" />
            <source>Price from</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="65" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="68" />
            <source>Catalogue</source>
            <translation>目录价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="69" />
            <source>Discount</source>
            <translation>折扣价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="70" />
            <source>Fixed price</source>
            <translation>协议价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_lines.py" line="71" />
            <source>Package</source>
            <translation>套餐</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="36" />
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="37" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="38" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="40" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="41" />
            <source>Specification</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="42" />
            <source>Storage condition</source>
            <translation>存放条件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="43" />
            <source>After testing</source>
            <translation>检后处理</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="46" />
            <source>Retain</source>
            <translation>留样</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="47" />
            <source>Dispose</source>
            <translation>处置</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_samples.py" line="48" />
            <source>Return to customer</source>
            <translation>退还客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="29" />
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="30" />
            <source>Urgent</source>
            <translation>加急</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="31" />
            <source>Express</source>
            <translation>特急</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="34" />
            <source>Collected by the customer</source>
            <translation>客户自取</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="35" />
            <source>By post</source>
            <translation>邮寄</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="36" />
            <source>By e-mail</source>
            <translation>电子邮件</translation>
        </message>
    </context>
    <context>
        <name>OrderFormDialog</name>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="84" />
            <source>New customer…</source>
            <translation>新建客户…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="97" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="101" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="105" />
            <source>Print order form…</source>
            <translation>打印委托单…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="109" />
            <source>Print sample labels…</source>
            <translation>打印样品标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="112" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="118" />
            <source>Customer:</source>
            <translation>客户：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="145" />
            <location filename="../../labdesk/ui/order_form.py" line="167" />
            <source>Loading…</source>
            <translation>正在载入…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="178" />
            <source>The order could not be opened</source>
            <translation>无法打开委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="207" />
            <source>New order</source>
            <translation>新委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="209" />
            <source>Order %1</source>
            <translation>委托单 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="251" />
            <source>New customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="336" />
            <source>Line %1:</source>
            <translation>第 %1 行：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="373" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="381" />
            <source>Saved as order %1.</source>
            <translation>已保存为委托单 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="383" />
            <source>Sample numbers: %1.</source>
            <translation>样品编号：%1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="431" />
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form.py" line="432" />
            <source>Save the changes to this order before closing?</source>
            <translation>关闭前保存对此委托单的修改吗？</translation>
        </message>
    </context>
    <context>
        <name>OrderFormExport</name>
        <message>
            <location filename="../../labdesk/ui/order_pdf.py" line="59" />
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_pdf.py" line="63" />
            <source>Print order form</source>
            <translation>打印委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_pdf.py" line="84" />
            <source>Save order form</source>
            <translation>保存委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_pdf.py" line="86" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>OrderLedgerTools</name>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="47" />
            <source>New order…</source>
            <translation>新建委托…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="48" />
            <source>Register a new order (Ctrl+N)</source>
            <translation>登记新委托 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="49" />
            <source>Only the front desk registers orders.</source>
            <translation>只有前台可以登记委托。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="50" />
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="199" />
            <source>Open form</source>
            <translation>打开委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="51" />
            <source>The selected order's form (Enter)</source>
            <translation>所选委托的委托单 (Enter)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="52" />
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="201" />
            <source>Actions…</source>
            <translation>流程操作…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="53" />
            <source>Submit, confirm the fee, accept, cancel … the selected order (Ctrl+Shift+A)</source>
            <translation>提交、确认收费、受理、取消……所选委托 (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="55" />
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="117" />
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="122" />
            <source>Intake queue…</source>
            <translation>待受理委托…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="56" />
            <source>Orders customers sent from outside, waiting to be accepted</source>
            <translation>客户在线提交、等待受理的委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="58" />
            <source>Only the front desk handles the intake queue.</source>
            <translation>只有前台可以处理待受理委托。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="59" />
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="202" />
            <source>Print order form…</source>
            <translation>打印委托单…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="60" />
            <source>The selected order's form as a PDF (Ctrl+Shift+P)</source>
            <translation>将所选委托的委托单导出为 PDF (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="116" />
            <source>Intake queue (%1)…</source>
            <translation>待受理委托 (%1)…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="126" />
            <source>Select an order first.</source>
            <translation>请先选择一个委托。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_ledger_tools.py" line="200" />
            <source>Card…</source>
            <translation>卡片…</translation>
        </message>
    </context>
    <context>
        <name>OrderStepForm</name>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="65" />
            <location filename="../../labdesk/ui/order_actions.py" line="117" />
            <source>(no number yet)</source>
            <translation>（尚未编号）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="76" />
            <source>Charged (clear it if the order is free)</source>
            <translation>收费（免费委托请取消勾选）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="91" />
            <source>Final price:</source>
            <translation>应收金额：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="93" />
            <source>Amount received (yuan):</source>
            <translation>已收金额（元）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="94" />
            <source>Note:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_actions.py" line="116" />
            <source>Cancel order %1? This cannot be undone.</source>
            <translation>确定取消委托 %1 吗？取消后无法恢复。</translation>
        </message>
    </context>
    <context>
        <name>PricePanel</name>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="51" />
            <source>Urgency surcharge:</source>
            <translation>加急费：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="53" />
            <source>VAT:</source>
            <translation>增值税：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="58" />
            <source>List price:</source>
            <translation>标准价：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="59" />
            <source>Discount:</source>
            <translation>折扣：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="61" />
            <source>Subtotal:</source>
            <translation>小计：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="64" />
            <source>Total:</source>
            <translation>合计：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="68" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="95" />
            <source>Price list: %1 (%2 off)</source>
            <translation>价目表：%1（优惠 %2）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="100" />
            <source>No price list: catalogue prices</source>
            <translation>无价目表：按目录价</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="103" />
            <source>Urgency surcharge (%1):</source>
            <translation>加急费（%1）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_price.py" line="106" />
            <source>VAT (%1):</source>
            <translation>增值税（%1）：</translation>
        </message>
    </context>
    <context>
        <name>PrinterProfilesDialog</name>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="46" />
            <source>Printers</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="54" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="56" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="62" />
            <source>Printers of this workstation:</source>
            <translation>本工作站的打印机：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="69" />
            <source>tcp://HOST:9100, cups:QUEUE or file:PATH</source>
            <translation>tcp://主机:9100、cups:队列名 或 file:文件路径</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="81" />
            <source>The template this printer usually prints (empty: the kind's default)</source>
            <translation>这台打印机常用的标签模板（留空：该类别的默认模板）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="83" />
            <source>none: Chinese is printed as pictures</source>
            <translation>无：中文以图像方式打印</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="85" />
            <source>A Chinese font stored on a ZPL printer; empty: Chinese text is sent as bitmaps</source>
            <translation>ZPL 打印机上存储的中文字体；留空：中文以位图发送</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="87" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="88" />
            <source>Address:</source>
            <translation>地址：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="89" />
            <source>Language:</source>
            <translation>打印语言：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="90" />
            <source>Resolution:</source>
            <translation>分辨率：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="91" />
            <source>Default template:</source>
            <translation>默认模板：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="92" />
            <source>Resident Chinese font:</source>
            <translation>打印机中文字体：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="97" />
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="98" />
            <source>Connect to the printer and ask whether it is ready</source>
            <translation>连接打印机并询问是否就绪</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="188" />
            <source>(no name)</source>
            <translation>（未命名）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="203" />
            <source>Two printers are named %1.</source>
            <translation>有两台打印机都叫 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="225" />
            <source>Printer %1</source>
            <translation>打印机 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="241" />
            <source>Delete printer</source>
            <translation>删除打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="242" />
            <source>Delete the printer %1 from this workstation? (It is removed when you save.)</source>
            <translation>从本工作站删除打印机 %1？（保存后生效。）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="268" />
            <source>%1 printers saved.</source>
            <translation>已保存 %1 台打印机。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="281" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="298" />
            <source>Printer ready</source>
            <translation>打印机就绪</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="152" />
            <location filename="../../labdesk/scanning/capture.py" line="255" />
            <location filename="../../labdesk/scanning/capture.py" line="352" />
            <source>{path} is not an image or a video OpenCV can read.</source>
            <translation>{path} 不是 OpenCV 能读取的图片或视频。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="291" />
            <source>{name} opened but could not deliver a frame; it may be busy in another program.</source>
            <translation>{name} 已打开但无法输出画面，可能正被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="307" />
            <source>{name} does not exist (no /dev/video{index}).</source>
            <translation>{name} 不存在（没有 /dev/video{index}）。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="311" />
            <source>No permission to use {name}; add the user to the 'video' group.</source>
            <translation>无权使用 {name}；请把该用户加入 video 组。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="321" />
            <source>{name} does not exist or is busy in another program.</source>
            <translation>{name} 不存在或正被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="331" />
            <source>{spec} is not a camera; write camera:0, camera:1, ...</source>
            <translation>{spec} 不是摄像头；请写 camera:0、camera:1……</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="348" />
            <source>There is no file or folder {path}.</source>
            <translation>没有文件或文件夹 {path}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="164" />
            <source>The folder {path} has no files to scan.</source>
            <translation>文件夹 {path} 中没有可扫描的文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="252" />
            <source>{name} is busy or cannot be opened; close other programs that use the camera.</source>
            <translation>{name} 正忙或无法打开；请关闭其他正在使用摄像头的程序。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="275" />
            <source>{path} stopped delivering frames after frame {index}.</source>
            <translation>{path} 在第 {index} 帧后不再输出画面。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="280" />
            <source>{path} has no frames OpenCV can read.</source>
            <translation>{path} 中没有 OpenCV 能读取的画面。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="283" />
            <source>{name} stopped sending frames: it was unplugged or went to sleep.</source>
            <translation>{name} 不再输出画面：可能已拔出或进入休眠。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="288" />
            <source>{name} sends no frames; it may be busy in another program.</source>
            <translation>{name} 没有输出画面，可能正被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="204" />
            <source>{path} could not be opened within {seconds} s.</source>
            <translation>{path} 未能在 {seconds} 秒内打开。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="199" />
            <source>{name} did not answer within {seconds} s; unplug it and plug it in again.</source>
            <translation>{name} 在 {seconds} 秒内无响应；请拔下后重新插入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/scanning/capture.py" line="171" />
            <source>{name} is not an image.</source>
            <translation>{name} 不是图片。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="160" />
            <location filename="../../labdesk/services/attachments.py" line="101" />
            <location filename="../../labdesk/services/instrument_workflow.py" line="396" />
            <source>The file {name} has {size} MiB; attachments take at most {max} MiB. Attach a smaller scan or a compressed copy.</source>
            <translation>文件 {name} 大小为 {size} MiB；附件最多 {max} MiB。请附上较小的扫描件或压缩副本。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="290" />
            <source>The file {path} cannot be written ({reason}); choose another folder or close the program that has it open.</source>
            <translation>无法写入文件 {path}（{reason}）；请选择其他文件夹，或关闭正在使用该文件的程序。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="186" />
            <source>{who} may not add attachments.</source>
            <translation>{who} 无权添加附件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="299" />
            <source>{who} may not delete attachments.</source>
            <translation>{who} 无权删除附件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="175" />
            <source>The file {path} cannot be read ({reason}); check that it exists and is not open in another program.</source>
            <translation>无法读取文件 {path}（{reason}）；请检查文件是否存在，且未被其他程序占用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachment_desk.py" line="194" />
            <source>The record was deleted at another workstation; the file was not attached.</source>
            <translation>该记录已在其他工作站被删除；文件未添加。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="137" />
            <source>The attachment was deleted at another workstation.</source>
            <translation>该附件已在另一台工作站上被删除。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="76" />
            <source>'{name}' cannot be an attachment's file name; give the file a plain name.</source>
            <translation>“{name}”不能作为附件文件名；请使用普通的文件名。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="79" />
            <source>An attachment's file name takes at most {max} characters; rename the file.</source>
            <translation>附件文件名最多 {max} 个字符；请重命名文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="82" />
            <source>The file type '{type}' is not a valid content type.</source>
            <translation>文件类型“{type}”不是有效的内容类型。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="158" />
            <source>The attachment {name} is damaged: its content no longer matches what was stored. Attach the original file again.</source>
            <translation>附件 {name} 已损坏：其内容与保存时不一致。请重新添加原始文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/attachments.py" line="153" />
            <source>The file of attachment {name} is missing from the attachment folder {folder}; check that the folder is reachable from this workstation.</source>
            <translation>附件 {name} 的文件不在附件文件夹 {folder} 中；请检查本工作站能否访问该文件夹。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="294" />
            <source>Instrument {code} was due for calibration on {due}; record its calibration before using it for tasks.</source>
            <translation>仪器 {code} 的校准已于 {due} 到期；请先登记校准，再将其用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="298" />
            <source>There is no instrument with id {id}.</source>
            <translation>没有 ID 为 {id} 的仪器。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="284" />
            <source>Instrument {code} is out of service and cannot be used for tasks.</source>
            <translation>仪器 {code} 已停用，不能用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="286" />
            <source>Instrument {code} is under repair and cannot be used for tasks.</source>
            <translation>仪器 {code} 正在维修，不能用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="288" />
            <source>Instrument {code} is out for calibration and cannot be used for tasks.</source>
            <translation>仪器 {code} 正在送检，不能用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="290" />
            <source>Instrument {code} is on loan and cannot be used for tasks.</source>
            <translation>仪器 {code} 已借出，不能用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="291" />
            <source>Instrument {code} is retired and cannot be used for tasks.</source>
            <translation>仪器 {code} 已报废，不能用于任务。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/calibration_plan.py" line="118" />
            <source>The plan covers 1 to {max} months, not {months}.</source>
            <translation>校准计划的范围为 1 至 {max} 个月，不能是 {months}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="199" />
            <source>{who} saved this record at {when} while you were editing it. Compare the changes, then reload theirs or apply yours on top of them.</source>
            <translation>在您编辑期间，{who} 于 {when} 保存了此记录。请对比修改内容，然后重新载入对方的版本，或在其基础上应用您的修改。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="288" />
            <source>{count} of the {total} records were changed by someone else since you loaded them, so nothing was changed; refresh the ledger and try again.</source>
            <translation>{total} 条记录中有 {count} 条在您载入后已被他人修改，因此未做任何更改；请刷新台账后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="118" />
            <source>This record was deleted at another workstation; close the card and refresh the ledger.</source>
            <translation>此记录已在另一台工作站上被删除；请关闭卡片并刷新台账。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="153" />
            <source>{who} may not change the field {field}.</source>
            <translation>{who} 无权修改字段“{field}”。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="165" />
            <source>The code {code} is already used by another record; choose another or leave it empty.</source>
            <translation>编号 {code} 已被其他记录使用；请换一个，或留空自动编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="217" />
            <source>This record was deleted at another workstation; your changes were not saved.</source>
            <translation>此记录已在另一台工作站上被删除；您的修改未保存。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_editing.py" line="233" />
            <source>This record could not be saved: {detail}.</source>
            <translation>无法保存此记录：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="102" />
            <source>The status changes only through the card's workflow actions.</source>
            <translation>状态只能通过卡片上的流程操作更改。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="103" />
            <source>Calculated from the last calibration date and the calibration interval.</source>
            <translation>由上次校准日期和校准周期计算得出。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="104" />
            <source>Left empty, the code is taken from the coding rule when you save.</source>
            <translation>留空时，保存时按编码规则自动编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="240" />
            <source>{field} is not an amount; write it like 1234.50.</source>
            <translation>“{field}”不是金额；请按 1234.50 的格式填写。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="242" />
            <location filename="../../labdesk/services/card_fields.py" line="258" />
            <source>{field} must be between 0 and {max}.</source>
            <translation>“{field}”必须在 0 到 {max} 之间。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="245" />
            <source>{field} has more than two decimals; money is kept in fen.</source>
            <translation>“{field}”超过两位小数；金额精确到分。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="252" />
            <location filename="../../labdesk/services/card_fields.py" line="256" />
            <source>{field} must be a whole number.</source>
            <translation>“{field}”必须是整数。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="279" />
            <location filename="../../labdesk/services/card_fields.py" line="283" />
            <source>{field} is required.</source>
            <translation>“{field}”为必填项。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="205" />
            <source>{field} contains a NUL character, which no database can store; remove it.</source>
            <translation>“{field}”包含 NUL 字符，数据库无法保存；请删除该字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="209" />
            <source>{field} takes at most {max} characters; this text has {length}. Shorten it.</source>
            <translation>“{field}”最多 {max} 个字符；当前文本有 {length} 个字符。请缩短。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="228" />
            <source>{field} cannot be '{value}'; choose one of the list.</source>
            <translation>“{field}”不能是“{value}”；请从列表中选择。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/card_fields.py" line="220" />
            <source>{field} is not a date; write it as 2026-12-31.</source>
            <translation>“{field}”不是日期；请按 2026-12-31 的格式填写。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="111" />
            <location filename="../../labdesk/services/instrument_cells.py" line="63" />
            <source>The text contains a NUL character, which cannot be stored. Remove it.</source>
            <translation>文本含有 NUL 字符，无法保存。请删除它。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="114" />
            <location filename="../../labdesk/services/instrument_cells.py" line="67" />
            <source>Too long: {length} characters; at most {limit} are allowed.</source>
            <translation>太长：{length} 个字符；最多允许 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="133" />
            <source>{value} is not a price. Write a number such as 120 or 85.50.</source>
            <translation>{value} 不是价格。请填写数字，如 120 或 85.50。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="137" />
            <source>The price {value} has more than two decimals. Write it to the fen, such as 85.50.</source>
            <translation>价格 {value} 超过两位小数。请精确到分，如 85.50。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="142" />
            <source>The price {value} is negative or too large. Correct it.</source>
            <translation>价格 {value} 为负数或过大。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="154" />
            <source>{value} is not a turnaround in days. Use a whole number from 1 to {max}.</source>
            <translation>{value} 不是检测周期天数。请填写 1 到 {max} 的整数。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="89" />
            <location filename="../../labdesk/services/instrument_import.py" line="127" />
            <source>{file}: {count} problem(s) found; nothing was imported. Correct them and try again.</source>
            <translation>{file}：发现 {count} 个问题，未导入任何数据。请改正后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="109" />
            <location filename="../../labdesk/services/instrument_cells.py" line="61" />
            <source>A code cannot contain line breaks or control characters.</source>
            <translation>编号不能包含换行符或控制字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="170" />
            <source>{value} is not a pricing unit. Use 按样品, 按参数 or 按点.</source>
            <translation>{value} 不是计价单位。请填写 按样品、按参数 或 按点。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="195" />
            <source>Unknown column header {header}. Use the catalogue's headers.</source>
            <translation>未知的列标题 {header}。请使用检测项目目录的列标题。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="276" />
            <source>Code {code} is already in the catalogue. Use another code.</source>
            <translation>编号 {code} 已在检测项目目录中。请换一个编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="183" />
            <source>The sheet is empty. Fill in the catalogue and try again.</source>
            <translation>工作表为空。请填写检测项目后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="200" />
            <source>Column {header} appears twice. Keep one.</source>
            <translation>列 {header} 出现了两次。请只保留一列。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="302" />
            <location filename="../../labdesk/services/instrument_import.py" line="517" />
            <source>Another workstation added one of these codes meanwhile; nothing was imported. Check the file again and import it.</source>
            <translation>其他工作站刚刚添加了其中某个编号，未导入任何数据。请重新检查文件后再导入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="213" />
            <source>The sheet has no {field} column. Use the catalogue's headers.</source>
            <translation>工作表缺少 {field} 列。请使用检测项目目录的列标题。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="251" />
            <location filename="../../labdesk/services/instrument_import.py" line="301" />
            <source>Code {code} is already used on row {first}. Each code may appear once.</source>
            <translation>编号 {code} 已在第 {first} 行使用。每个编号只能出现一次。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/catalog_import.py" line="235" />
            <location filename="../../labdesk/services/instrument_import.py" line="240" />
            <source>{field} is required. Fill it in.</source>
            <translation>{field} 为必填项，请填写。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/coding_rules.py" line="110" />
            <source>Someone else changed this coding rule while you were editing it. Close and reopen Coding rules to see their change, then edit again.</source>
            <translation>您编辑期间，其他人修改了这条编号规则。请关闭并重新打开“编号规则”查看其修改，然后再编辑。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="212" />
            <source>Cannot reach the database server at {where}; check the host and port, and that the server is running.</source>
            <translation>无法连接数据库服务器 {where}；请检查主机和端口，并确认服务器正在运行。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="218" />
            <source>Database error at {where}: {detail}.</source>
            <translation>数据库 {where} 出错：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="200" />
            <source>Cannot open the local database file ({where}): {detail}.</source>
            <translation>无法打开本地数据库文件（{where}）：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="203" />
            <source>The server at {where} refused the user name or password; check them and try again.</source>
            <translation>服务器 {where} 拒绝了用户名或密码；请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="206" />
            <source>The server is reachable but has no database named '{name}'; ask an administrator to create it.</source>
            <translation>已连接到服务器，但没有名为“{name}”的数据库；请联系管理员创建。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="209" />
            <source>The server does not know the user '{user}'; ask an administrator to add it.</source>
            <translation>服务器上没有用户“{user}”；请联系管理员添加。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="216" />
            <source>The database server at {where} could not be used: {detail}.</source>
            <translation>数据库服务器 {where} 无法使用：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="217" />
            <source>{count} of the {total} orders were changed by someone else since the summary was read ({orders}), so nothing was changed; refresh and try again.</source>
            <translation>读取汇总后，{total} 个委托中有 {count} 个已被他人修改（{orders}），因此未做任何修改；请刷新后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="164" />
            <source>The amount {value} is not a number; type it like 1200.50.</source>
            <translation>金额 {value} 不是数字；请按 1200.50 这样的格式输入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="167" />
            <source>The amount must be between 0 and {max}.</source>
            <translation>金额必须在 0 到 {max} 之间。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="170" />
            <source>The amount {value} has more than two decimals; round it to fen.</source>
            <translation>金额 {value} 的小数超过两位；请精确到分。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="178" />
            <source>The note contains a NUL character, which cannot be stored; remove it.</source>
            <translation>备注含有无法保存的 NUL 字符；请删除它。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="181" />
            <source>The note has {length} characters; at most {max} fit.</source>
            <translation>备注有 {length} 个字符；最多只能 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="199" />
            <source>Choose at least one field to change.</source>
            <translation>请至少选择一项要修改的内容。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/fees.py" line="208" />
            <source>{who} may not change the fee ledger.</source>
            <translation>{who} 无权修改收费台账。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="95" />
            <source>{value} is before 1900. Check the year.</source>
            <translation>{value} 早于 1900 年。请检查年份。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="98" />
            <source>{value} is in the future. A calibration date must be today or earlier.</source>
            <translation>{value} 是将来的日期。校准日期必须是今天或更早。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="115" />
            <source>{value} is not a whole number of months. Write a number such as 12.</source>
            <translation>{value} 不是整数月数。请填写数字，如 12。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="120" />
            <source>{value} months is not a calibration interval. Use a whole number from 1 to {max}.</source>
            <translation>{value} 个月不是有效的校准周期。请填写 1 到 {max} 之间的整数。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="131" />
            <source>{value} is not an instrument status. Use one of: {keys}, or {labels}.</source>
            <translation>{value} 不是设备状态。请使用以下之一：{keys}，或 {labels}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="88" />
            <source>{value} is not a date. Use an Excel date or write 2026-03-01, 2026/3/1 or 2026年3月1日.</source>
            <translation>{value} 不是日期。请使用 Excel 日期，或写成 2026-03-01、2026/3/1 或 2026年3月1日。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_cells.py" line="84" />
            <source>{value} is not a real date. Check the month and the day.</source>
            <translation>{value} 不是存在的日期。请检查月份和日。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="67" />
            <source>row {row}: {reason}</source>
            <translation>第 {row} 行：{reason}</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="392" />
            <source>Nobody called {name} is on the staff list. Use a person's full name or login.</source>
            <translation>人员名单中没有 {name}。请填写人员的姓名或登录名。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="65" />
            <source>row {row}, column {column}: {reason}</source>
            <translation>第 {row} 行，{column} 列：{reason}</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="139" />
            <source>The import was cancelled; nothing was imported.</source>
            <translation>导入已取消，未导入任何数据。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="396" />
            <source>Several people are called {name}. Use the login of the one you mean.</source>
            <translation>有多人名为 {name}。请填写所指人员的登录名。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="260" />
            <source>The sheet is empty. Fill in the import template and try again.</source>
            <translation>工作表是空的。请填写导入模板后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="272" />
            <source>This row should hold the column headers, but none is an instrument field. Use the import template.</source>
            <translation>这一行应为表头，但没有一个是设备字段。请使用导入模板。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="316" />
            <source>The sheet has no instrument rows under its headers. Nothing to import.</source>
            <translation>表头下没有设备数据行，没有可导入的内容。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="398" />
            <source>{name} is deactivated. Choose an active person as custodian.</source>
            <translation>{name} 已停用。请选择在职人员作为保管人。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="451" />
            <source>The coding rule's next number {code} is already used ({where}). Give the rows codes, or ask an administrator to move the instrument counter past it.</source>
            <translation>编码规则的下一个编号 {code} 已被使用（{where}）。请为这些行填写编号，或请管理员把设备编号计数器调到其后。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="158" />
            <source>Unknown column header {header}. Use the headers of the import template.</source>
            <translation>无法识别的表头 {header}。请使用导入模板的表头。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="186" />
            <source>The sheet has no {field} column. Use the headers of the import template.</source>
            <translation>工作表缺少 {field} 列。请使用导入模板的表头。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="376" />
            <source>Code {code} is already in the ledger. Use another code, or leave it empty to have the row numbered.</source>
            <translation>编号 {code} 已在台账中。请换一个编号，或留空由系统自动编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_import.py" line="172" />
            <source>Column {header} appears twice (also in column {other}). Keep one.</source>
            <translation>列 {header} 出现了两次（另一处在 {other} 列）。请只保留一列。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="144" />
            <source>The text “{start}…” contains a NUL character, which cannot be stored; remove it.</source>
            <translation>文字“{start}…”含有 NUL 字符，无法保存；请删除它。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="147" />
            <source>The text “{start}…” is {length} characters long; at most {max} fit here.</source>
            <translation>文字“{start}…”长 {length} 个字符；此处最多 {max} 个字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="186" />
            <source>{code} was changed on another workstation after you opened it; nothing was saved. Look at its current state and try again.</source>
            <translation>{code} 在您打开后已被另一台工作站修改，本次未保存任何内容。请查看其当前状态后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="245" />
            <source>The reporter chosen is not in the staff list any more; choose another.</source>
            <translation>所选报修人已不在人员名单中；请另选一人。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="290" />
            <source>The cost must be an amount in yuan from 0 up, with at most two decimals, like 1250.50.</source>
            <translation>费用须为不小于 0 的元金额，最多两位小数，例如 1250.50。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="358" />
            <source>The calibration date {date} is in the future; enter the date on the certificate.</source>
            <translation>校准日期 {date} 在未来；请填写证书上的日期。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="362" />
            <source>{code} was last calibrated on {last}; a calibration on {date} cannot come after it. Check the date.</source>
            <translation>{code} 上次校准日期为 {last}；{date} 的校准不能登记在其后。请检查日期。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="368" />
            <source>A calibration on {date} was due again on {due}, which has passed: it cannot return {code} to service. Record its latest calibration.</source>
            <translation>{date} 的校准已于 {due} 再次到期：不能据此恢复使用 {code}。请登记最近一次校准。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="392" />
            <source>The certificate file {name} is empty; choose the scanned certificate.</source>
            <translation>证书文件 {name} 是空的；请选择扫描的证书。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="433" />
            <source>Write the borrower on one line.</source>
            <translation>借用人请写在一行内。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="435" />
            <source>The due-back date {date} has passed; choose today or later.</source>
            <translation>应归还日期 {date} 已过；请选择今天或以后的日期。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="167" />
            <source>{code} was due for calibration on {due} and must not be used until it is calibrated: record a calibration or send it for calibration first.</source>
            <translation>{code} 的校准已于 {due} 到期，校准前不得使用：请先登记校准结果或送检校准。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="176" />
            <source>There is no instrument {code}; it may have been renumbered or deleted. Reload the ledger.</source>
            <translation>没有仪器 {code}；它可能已被重新编号或删除。请刷新台账。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="196" />
            <source>{code} is {state} now, and this step is not possible from there. Reload to see what has changed.</source>
            <translation>{code} 当前状态为 {state}，无法执行此操作。请刷新查看变化。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="241" />
            <source>Describe the fault.</source>
            <translation>请描述故障现象。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="249" />
            <source>The photo is {size} MB; at most {max} MB fit. Take a smaller one.</source>
            <translation>照片大小为 {size} MB；最多 {max} MB。请换一张较小的照片。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="253" />
            <source>The photo is not a PNG, JPEG, GIF, BMP or WebP image.</source>
            <translation>照片不是 PNG、JPEG、GIF、BMP 或 WebP 图片。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="274" />
            <source>The repair of {code} was already started on {date}.</source>
            <translation>{code} 的维修已于 {date} 开始。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="303" />
            <source>Describe the result of the repair.</source>
            <translation>请填写维修结果。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="351" />
            <source>Enter who calibrated the instrument.</source>
            <translation>请填写校准机构。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="353" />
            <source>Enter the certificate number.</source>
            <translation>请填写证书编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="390" />
            <source>The certificate file has no name.</source>
            <translation>证书文件没有文件名。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="411" />
            <source>Say why the instrument is taken out of service.</source>
            <translation>请说明停用原因。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="430" />
            <source>Enter who borrows the instrument.</source>
            <translation>请填写借用人或借用单位。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/instrument_workflow.py" line="474" />
            <source>Say why the instrument is retired.</source>
            <translation>请说明报废原因。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/migrations.py" line="152" />
            <source>The database {where} was made by a newer LabDesk (schema {current}); install the newer LabDesk to open it.</source>
            <translation>数据库 {where} 由更新版本的 LabDesk 创建（结构版本 {current}）；请安装新版 LabDesk 后再打开。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/migrations.py" line="163" />
            <source>The server database {where} is not at this LabDesk's schema ({head}); an administrator must run: labdesk db upgrade --url {where}</source>
            <translation>服务器数据库 {where} 的结构不是本版 LabDesk 所需的版本（{head}）；请管理员执行：labdesk db upgrade --url {where}</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="119" />
            <source>A sequence that restarts every year needs {parts} in the pattern.</source>
            <translation>每年归 1 的流水号，格式中需要包含 {parts}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="120" />
            <source>A sequence that restarts every month needs {parts} in the pattern.</source>
            <translation>每月归 1 的流水号，格式中需要包含 {parts}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="121" />
            <source>A sequence that restarts every day needs {parts} in the pattern.</source>
            <translation>每天归 1 的流水号，格式中需要包含 {parts}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="226" />
            <source>These numbers are kept per type: choose the type first.</source>
            <translation>这类编号按类型分别流水：请先选择类型。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="98" />
            <source>The pattern has an unmatched brace.</source>
            <translation>格式中有不成对的花括号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="101" />
            <source>The pattern may not contain control characters.</source>
            <translation>格式中不能包含控制字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="104" />
            <source>Write fields plainly, like {example}, without ':' or '!'.</source>
            <translation>字段请直接书写，例如 {example}，不要带 “:” 或 “!”。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="129" />
            <source>The prefix may not contain braces or control characters.</source>
            <translation>前缀中不能包含花括号或控制字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="131" />
            <source>The prefix may be at most {max} characters long.</source>
            <translation>前缀最多 {max} 个字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="135" />
            <source>The sequence width must be between 1 and {max}.</source>
            <translation>流水号位数必须在 1 到 {max} 之间。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="139" />
            <source>The pattern may be at most {max} characters long.</source>
            <translation>格式最多 {max} 个字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="148" />
            <source>Unknown field {fields} in the pattern; use {known}.</source>
            <translation>格式中有未知字段 {fields}；可用字段：{known}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="154" />
            <source>The pattern must contain {field} exactly once.</source>
            <translation>格式中必须恰好包含一次 {field}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="157" />
            <source>Numbering per type needs {field} in the pattern.</source>
            <translation>按类型编号时，格式中需要包含 {field}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="177" />
            <source>The type code {code} must be up to 8 letters or digits.</source>
            <translation>类型代码 {code} 只能是最多 8 个字母或数字。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/numbering.py" line="168" />
            <source>Numbers would be up to {length} characters; at most {max} fit.</source>
            <translation>编号最长会有 {length} 个字符；最多只能 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_document.py" line="45" />
            <source>Order {id} no longer exists; refresh the list and choose the order again.</source>
            <translation>委托单 {id} 已不存在；请刷新列表后重新选择委托单。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="136" />
            <source>Sample {row}: the {what} is {length} characters long; at most {max} fit.</source>
            <translation>样品 {row}：{what}有 {length} 个字符，最多 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="147" />
            <source>Choose the customer first (type a few letters of the name).</source>
            <translation>请先选择委托单位（输入名称中的几个字）。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="150" />
            <source>Two samples share one key; reload the order.</source>
            <translation>两个样品的标识重复，请重新打开委托单。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="164" />
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="165" />
            <source>type</source>
            <translation>样品类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="166" />
            <source>specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="167" />
            <source>storage condition</source>
            <translation>存放条件</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="168" />
            <source>unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="182" />
            <source>The notes are {length} characters long; at most {max} fit.</source>
            <translation>备注有 {length} 个字符，最多 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="186" />
            <source>Choose normal, urgent or express.</source>
            <translation>请选择普通、加急或特急。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="188" />
            <source>Choose how the report is delivered: collect, post or e-mail.</source>
            <translation>请选择报告交付方式：自取、邮寄或电子邮件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="153" />
            <source>Sample {row} has no name.</source>
            <translation>样品 {row} 没有名称。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="156" />
            <source>Sample {row}: the quantity {value} is not a whole number from 1 to {max}.</source>
            <translation>样品 {row}：数量 {value} 不是 1 到 {max} 之间的整数。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="161" />
            <source>Sample {row}: choose retain, dispose or return to customer.</source>
            <translation>样品 {row}：请选择留样、处置或退还委托方。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_drafts.py" line="176" />
            <source>Line {row} belongs to a sample that was removed; remove the line or choose a sample.</source>
            <translation>第 {row} 行所属的样品已删除，请删除该行或重新选择样品。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="242" />
            <source>cancel an order</source>
            <translation>取消委托</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="301" />
            <source>reject a request</source>
            <translation>拒绝受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="120" />
            <source>Someone else changed order {order_no} a moment ago; it has been reloaded. Check its state and try again.</source>
            <translation>委托单 {order_no} 刚被他人修改，已重新读取。请核对其状态后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="196" />
            <source>Add at least one sample before submitting the order.</source>
            <translation>提交委托前请至少添加一个样品。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="198" />
            <source>Add at least one test item before submitting the order.</source>
            <translation>提交委托前请至少添加一个检测项目。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="168" />
            <source>Someone else changed this order at the same moment; reload it and try again.</source>
            <translation>他人同时修改了这张委托单，请重新打开后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="230" />
            <source>Say why: a reason is required to {what}.</source>
            <translation>请说明原因：{what}需要填写原因。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/order_workflow.py" line="234" />
            <source>The reason has {length} characters or a NUL character; at most {max} characters fit.</source>
            <translation>原因有 {length} 个字符或含有 NUL 字符；最多 {max} 个字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="58" />
            <source>Someone else changed order {order_no} after you opened it. Reload it to see their change; your input stays in the form until you do.</source>
            <translation>您打开委托单 {order_no} 后，他人修改了它。请重新读取查看其修改；在此之前您填写的内容保留在表单中。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="269" />
            <source>Sample {name}: sample numbers are kept per type, so choose one of: {types}.</source>
            <translation>样品 {name}：样品编号按类型分别编排，请从以下类型中选择：{types}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="356" />
            <source>contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="357" />
            <source>contract</source>
            <translation>合同</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="358" />
            <source>engineering project</source>
            <translation>工程项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="208" />
            <source>The order (id {id}) no longer exists; someone may have removed it. Refresh the ledger.</source>
            <translation>委托单（id {id}）已不存在，可能已被他人删除。请刷新台账。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="346" />
            <source>The chosen customer no longer exists (someone removed the card). Choose the customer again.</source>
            <translation>所选委托单位已不存在（客户卡片已被删除）。请重新选择委托单位。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="351" />
            <source>Customer {name} was merged into {target}. Choose {target} instead.</source>
            <translation>客户 {name} 已合并到 {target}。请改选 {target}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="394" />
            <source>{who} may not register or change orders; the front desk does.</source>
            <translation>{who} 无权登记或修改委托单，应由业务受理人员办理。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="366" />
            <source>The chosen {what} does not belong to {customer}. Choose it again.</source>
            <translation>所选{what}不属于 {customer}。请重新选择。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="405" />
            <source>Order {order_no} is {status}; only a draft can be changed.</source>
            <translation>委托单 {order_no} 的状态为 {status}；只有草稿可以修改。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/orders.py" line="443" />
            <source>Order {order_no} is {status} now; only a draft can be changed. Reload it.</source>
            <translation>委托单 {order_no} 现在的状态为 {status}；只有草稿可以修改。请重新打开。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="61" />
            <source>{who} may not delete records from {table}.</source>
            <translation>{who} 无权删除 {table} 的记录。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="87" />
            <source>{who} may change only their own records of {table}.</source>
            <translation>{who} 只能修改 {table} 中属于自己的记录。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="58" />
            <source>{who} may not add records to {table}.</source>
            <translation>{who} 无权向 {table} 添加记录。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="60" />
            <source>{who} may not change records of {table}.</source>
            <translation>{who} 无权修改 {table} 的记录。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="65" />
            <source>{who} may not write the field {field} of {table}.</source>
            <translation>{who} 无权填写 {table} 的字段 {field}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permission_guard.py" line="76" />
            <source>{who} may not set the field {field} of {table} to {value}.</source>
            <translation>{who} 无权把 {table} 的字段 {field} 设为 {value}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/permissions.py" line="337" />
            <source>{who} may not take the step '{step}': it needs one of the roles {roles}.</source>
            <translation>{who} 不能执行步骤“{step}”：需要以下角色之一：{roles}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="223" />
            <source>The price {price} of {code} has more than two decimals. Correct it in the catalogue or price list to whole fen.</source>
            <translation>{code} 的价格 {price} 超过两位小数。请在检测项目目录或价目表中更正为精确到分的价格。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="232" />
            <source>The price {price} of {code} is negative. Correct it in the catalogue or price list.</source>
            <translation>{code} 的价格 {price} 为负数。请在检测项目目录或价目表中更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="253" />
            <source>Choose a test item or a package for this line.</source>
            <translation>请为此行选择一个检测项目或一个套餐。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="258" />
            <source>The quantity {value} is not a whole number of 1 or more. Correct it.</source>
            <translation>数量 {value} 不是大于等于 1 的整数。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="265" />
            <source>The count {value} is not a whole number of 1 or more. Correct it.</source>
            <translation>参数数/点数 {value} 不是大于等于 1 的整数。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="284" />
            <source>{code} {name} is retired and no longer offered. Choose another.</source>
            <translation>{code} {name} 已停用，不再提供。请选择其他项目。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="306" />
            <source>{code} is priced per sample or per package: set the count to 1.</source>
            <translation>{code} 按样品或按套餐计价：请将参数数/点数设为 1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="344" />
            <source>The urgency surcharge {value} % is not between 0 and 500. Correct it.</source>
            <translation>加急费率 {value} % 不在 0 到 500 之间。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="351" />
            <source>The VAT rate {value} is not a fraction from 0 to 1 (0.06 = 6 %). Correct it.</source>
            <translation>增值税率 {value} 不是 0 到 1 之间的小数（0.06 即 6 %）。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="360" />
            <source>The discount {value} % of price list {name} is not between 0 and 100.</source>
            <translation>价目表 {name} 的折扣 {value} % 不在 0 到 100 之间。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="272" />
            <source>This package is not in the catalogue. Choose another.</source>
            <translation>此套餐不在检测项目目录中。请选择其他套餐。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="278" />
            <source>This test item is not in the catalogue. Choose another.</source>
            <translation>此检测项目不在目录中。请选择其他项目。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/pricing.py" line="294" />
            <source>{code} {name} was retired after this line was added. It keeps its price; replace it if the laboratory no longer does this test.</source>
            <translation>{code} {name} 在此行加入后已停用。此行保留原价；如实验室已不再做此项检测，请替换。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="144" />
            <source>Samples are numbered per type: choose a type ({names}).</source>
            <translation>样品按类型编号：请选择样品类型（{names}）。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="154" />
            <source>{value} is not a sample type in use. Use one of: {names}.</source>
            <translation>{value} 不是在用的样品类型。请使用以下之一：{names}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="84" />
            <source>{who} may not register samples. Ask the front desk to import the sample list.</source>
            <translation>{who} 无权登记样品。请由前台导入样品清单。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="99" />
            <source>There is no order {order}. Check the order number.</source>
            <translation>没有委托单 {order}。请核对委托单号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="104" />
            <source>Order {order} is {status}; only draft orders take new samples. Register a new order for these samples.</source>
            <translation>委托单 {order} 的状态为 {status}；只有草稿委托单可以添加样品。请为这些样品新建委托单。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="172" />
            <source>Unknown test item code(s): {codes}. Use codes from the catalogue.</source>
            <translation>未知的检测项目编号：{codes}。请使用检测项目目录中的编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_import.py" line="183" />
            <source>Test item(s) {codes} are retired. Choose current test items.</source>
            <translation>检测项目 {codes} 已停用。请选择在用的检测项目。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="103" />
            <source>{value} is not a quantity. Write a whole number from 1 to {max}.</source>
            <translation>{value} 不是有效数量。请填写 1 到 {max} 之间的整数。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="137" />
            <source>The sheet is empty. Fill in the sample list and try again.</source>
            <translation>工作表是空的。请填写样品清单后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="153" />
            <source>The sheet has no sample rows under its headers. Nothing to import.</source>
            <translation>表头下面没有样品行，没有可导入的内容。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="181" />
            <source>The cell holds the formula {formula}. Type the value itself.</source>
            <translation>单元格中是公式 {formula}。请直接填写数值。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/sample_sheet.py" line="186" />
            <source>The cell shows the Excel error {value}. Correct it.</source>
            <translation>单元格显示 Excel 错误 {value}。请更正。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="60" />
            <source>{file} does not exist. Choose an existing file.</source>
            <translation>{file} 不存在。请选择已有的文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="66" />
            <source>{file} is password-protected. Save it without a password and try again.</source>
            <translation>{file} 设有密码保护。请去掉密码另存后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="72" />
            <source>{file} is not an Excel workbook, or it is damaged. Save it from Excel as .xlsx and try again.</source>
            <translation>{file} 不是 Excel 工作簿，或已损坏。请在 Excel 中另存为 .xlsx 后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="83" />
            <source>{file} cannot be read ({reason}). Check that it is not open elsewhere.</source>
            <translation>无法读取 {file}（{reason}）。请确认它没有在别处打开。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="107" />
            <source>{file} is damaged: {reason}. Save it again from Excel and try again.</source>
            <translation>{file} 已损坏：{reason}。请在 Excel 中重新保存后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="91" />
            <source>{file} has no sheets. Choose another workbook.</source>
            <translation>{file} 没有工作表。请选择其他工作簿。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/spreadsheets.py" line="99" />
            <source>{file} has no sheet named {sheet}. Its sheets are: {sheets}.</source>
            <translation>{file} 中没有名为 {sheet} 的工作表。它的工作表有：{sheets}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/user_admin.py" line="84" />
            <source>You cannot disable your own account; ask another administrator.</source>
            <translation>不能停用自己的账户；请找另一位管理员。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/user_admin.py" line="93" />
            <source>You cannot take the admin role from yourself; ask another administrator.</source>
            <translation>不能撤销自己的管理员角色；请找另一位管理员。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/user_admin.py" line="63" />
            <source>The server refused: {detail}. Managing logins needs the database administrator's login (one with CREATEROLE).</source>
            <translation>服务器拒绝了操作：{detail}。管理登录账户需要数据库管理员的登录（具有 CREATEROLE 权限）。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="126" />
            <source>This server has no LabDesk roles yet: an administrator must run `labdesk db secure` on it first.</source>
            <translation>此服务器上还没有 LabDesk 角色：请管理员先在该服务器上运行 `labdesk db secure`。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="65" />
            <source>'{login}' cannot be a login: use lower-case letters, digits, '_', '.' or '-', start with a letter, and do not start with pg_ or labdesk_.</source>
            <translation>“{login}”不能用作登录名：请只用小写字母、数字、“_”、“.”或“-”，以字母开头，且不要以 pg_ 或 labdesk_ 开头。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="89" />
            <location filename="../../labdesk/services/users.py" line="236" />
            <source>There is no user '{login}'.</source>
            <translation>没有用户“{login}”。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="134" />
            <source>The password is empty.</source>
            <translation>密码为空。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="154" />
            <source>The user '{login}' exists already.</source>
            <translation>用户“{login}”已存在。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="156" />
            <location filename="../../labdesk/services/users.py" line="232" />
            <source>The embedded database has no passwords: it is one seat, used by whoever is signed in to this computer.</source>
            <translation>本地嵌入式数据库没有密码：它是单机单用户，由登录这台电脑的人使用。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/users.py" line="78" />
            <source>There is no job role '{role}'; the roles are: {roles}.</source>
            <translation>没有岗位角色“{role}”；可用的角色有：{roles}。</translation>
        </message>
    </context>
    <context>
        <name>ProblemPage</name>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="66" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="67" />
            <source>Connect to another server…</source>
            <translation>连接其他服务器…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/window_parts.py" line="68" />
            <source>Use the local database</source>
            <translation>使用本地数据库</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="52" />
            <source>%1 overdue, %2 due within %3 days</source>
            <translation>%1 台逾期，%2 台在 %3 天内到期</translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="71" />
            <source>Calibration reminders</source>
            <translation>校准提醒</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="75" />
            <source>Instruments that need calibration</source>
            <translation>需要校准的仪器</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="94" />
            <source>%1 more in the calibration plan.</source>
            <translation>另有 %1 台，见校准计划。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="96" />
            <source>Don't show again today</source>
            <translation>今天不再显示</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/reminders.py" line="99" />
            <source>Calibration plan…</source>
            <translation>校准计划…</translation>
        </message>
    </context>
    <context>
        <name>SamplePanel</name>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="77" />
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="77" />
            <source>Location:</source>
            <translation>存放位置：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="78" />
            <source>Held by:</source>
            <translation>领用人：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="78" />
            <source>Order:</source>
            <translation>委托单：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="86" />
            <source>Storage location, for storing or retaining</source>
            <translation>存放位置（入库或留样时填写）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="88" />
            <source>New location:</source>
            <translation>新位置：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="99" />
            <source>Your job roles allow no custody action from this status.</source>
            <translation>您的岗位角色在此状态下不能进行流转操作。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="133" />
            <source>Type the storage location first, then press the button again.</source>
            <translation>请先填写存放位置，再按一次按钮。</translation>
        </message>
    </context>
    <context>
        <name>SamplesPanel</name>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="60" />
            <source>Samples</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="71" />
            <source>Add sample</source>
            <translation>添加样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="74" />
            <source>Duplicate</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="77" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="134" />
            <source>Remove sample</source>
            <translation>删除样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_tables.py" line="135" />
            <source>Remove this sample and its test lines (%1)?</source>
            <translation>删除此样品及其 %1 个检测项目吗？</translation>
        </message>
    </context>
    <context>
        <name>ScanDock</name>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="81" />
            <source>Scan</source>
            <translation>扫码</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="98" />
            <source>Camera </source>
            <translation>摄像头 </translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="107" />
            <source>Start camera</source>
            <translation>启动摄像头</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="110" />
            <source>From file…</source>
            <translation>从文件…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="111" />
            <source>Scan an image or a video file</source>
            <translation>扫描图片或视频文件</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="113" />
            <source>Folder…</source>
            <translation>文件夹…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="114" />
            <source>Scan every image of a folder</source>
            <translation>扫描文件夹中的所有图片</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="116" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="126" />
            <source>No camera or file is being scanned.</source>
            <translation>当前没有在扫描摄像头或文件。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="154" />
            <source>Type a code (e.g. YP2026-000001) and press Enter</source>
            <translation>输入编号（如 YP2026-000001）后按回车</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="157" />
            <source>Continuous: apply to each scanned sample</source>
            <translation>连续模式：对每个扫到的样品执行</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="200" />
            <source>Scan an image or a video</source>
            <translation>扫描图片或视频</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="201" />
            <source>Images and videos (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.avi *.mp4 *.mkv *.mov *.webm);;All files (*)</source>
            <translation>图片和视频 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.avi *.mp4 *.mkv *.mov *.webm);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="208" />
            <source>Scan the images of a folder</source>
            <translation>扫描文件夹中的图片</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="219" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="277" />
            <source>No picture.</source>
            <translation>无画面。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="283" />
            <source>Skipped: %1</source>
            <translation>已跳过：%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="312" />
            <source>Foreign code (not a LabDesk label): %1</source>
            <translation>外来码（不是 LabDesk 标签）：%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="331" />
            <source>No sample, instrument or report has this number.</source>
            <translation>没有样品、设备或报告使用这个编号。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="336" />
            <source>%1 is not in this database; its ledger is searched for it.</source>
            <translation>数据库中没有 %1；已在对应台账中搜索。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="351" />
            <source>Report %1: shown in the Reports ledger.</source>
            <translation>报告 %1：已在报告台账中显示。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="405" />
            <source>undone; back to %1</source>
            <translation>已撤销；恢复为%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="407" />
            <source>done; now %1</source>
            <translation>已完成；现为%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_dock.py" line="432" />
            <source>Open a database first.</source>
            <translation>请先打开数据库。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="34" />
            <source>Take (I hold it)</source>
            <translation>领用（由我保管）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="35" />
            <source>Return to storage</source>
            <translation>归还入库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="36" />
            <source>Receive at the front desk</source>
            <translation>前台接收</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="37" />
            <source>Return to customer</source>
            <translation>退还客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="38" />
            <source>Retain</source>
            <translation>留样</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="39" />
            <source>Dispose</source>
            <translation>处置</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_panels.py" line="40" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/scan_setup.py" line="37" />
            <source>Scan dock</source>
            <translation>扫码面板</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="21" />
            <location filename="../../labdesk/ui/instrument_forms.py" line="162" />
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="22" />
            <location filename="../../labdesk/ui/instrument_forms.py" line="165" />
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="23" />
            <source>Visit</source>
            <translation>上门拜访</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="24" />
            <source>Phone call</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="25" />
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="26" />
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="27" />
            <source>Bank transfer</source>
            <translation>银行转账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="28" />
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="29" />
            <source>Cheque</source>
            <translation>支票</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="30" />
            <source>Card</source>
            <translation>刷卡</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="31" />
            <source>Online payment</source>
            <translation>在线支付</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="32" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="33" />
            <source>Receive</source>
            <translation>接收</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="34" />
            <source>Store</source>
            <translation>入库</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="35" />
            <source>Take</source>
            <translation>领取</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="36" />
            <source>Return</source>
            <translation>归还</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="37" />
            <source>Retain</source>
            <translation>留样</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="38" />
            <source>Dispose</source>
            <translation>处置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="39" />
            <source>Return to customer</source>
            <translation>退还客户</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="40" />
            <source>Review</source>
            <translation>审核</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="41" />
            <source>Approval</source>
            <translation>批准</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="178" />
            <location filename="../../labdesk/services/ledgers/formatting.py" line="42" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="175" />
            <location filename="../../labdesk/services/ledgers/formatting.py" line="43" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="44" />
            <source>Collect in person</source>
            <translation>自取</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="45" />
            <source>Post</source>
            <translation>邮寄</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="46" />
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="47" />
            <source>Urgent</source>
            <translation>加急</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="48" />
            <source>Express</source>
            <translation>特急</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="49" />
            <source>Internal</source>
            <translation>内部</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="50" />
            <source>External</source>
            <translation>外部</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="51" />
            <source>Requested</source>
            <translation>已申请</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="52" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="200" />
            <source>Issued</source>
            <translation>已签发</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="37" />
            <source>Inserted</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="38" />
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/audit.py" line="39" />
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="176" />
            <location filename="../../labdesk/services/ledgers/business.py" line="227" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="228" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="229" />
            <source>Fee confirmed</source>
            <translation>已确认收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="230" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="231" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="72" />
            <source>In testing</source>
            <translation>检测中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="180" />
            <location filename="../../labdesk/services/ledgers/business.py" line="232" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="133" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="233" />
            <source>Reported</source>
            <translation>已出报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="234" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="134" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="88" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="89" />
            <source>Dormant</source>
            <translation>休眠</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="90" />
            <source>Blacklisted</source>
            <translation>黑名单</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="174" />
            <source>Awaiting intake</source>
            <translation>待受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="177" />
            <source>Under review</source>
            <translation>评审中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="179" />
            <source>Archived</source>
            <translation>已归档</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="181" />
            <source>Terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="70" />
            <source>Received</source>
            <translation>已收样</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="71" />
            <source>Stored</source>
            <translation>已入库</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="73" />
            <source>Returned</source>
            <translation>已退还</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="74" />
            <source>Retained</source>
            <translation>留样</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="75" />
            <source>Disposed</source>
            <translation>已处置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="130" />
            <source>Planned</source>
            <translation>计划中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="131" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="132" />
            <source>On hold</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="196" />
            <source>Drafting</source>
            <translation>编制中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="197" />
            <source>Reviewing</source>
            <translation>审核中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="198" />
            <source>Approving</source>
            <translation>批准中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="199" />
            <source>Sealing</source>
            <translation>用印中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="201" />
            <source>Dispatched</source>
            <translation>已发放</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="202" />
            <source>Voided</source>
            <translation>已作废</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="317" />
            <source>In service</source>
            <translation>在用</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="318" />
            <source>Under repair</source>
            <translation>维修中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="319" />
            <source>Out for calibration</source>
            <translation>送检中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="320" />
            <source>Out of service</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="321" />
            <source>Loaned</source>
            <translation>借出</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="322" />
            <source>Retired</source>
            <translation>报废</translation>
        </message>
    </context>
    <context>
        <name>StepForm</name>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="118" />
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="118" />
            <source>Comment:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="130" />
            <source>Give the reason first.</source>
            <translation>请先填写原因。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="132" />
            <source>The comment is too long: at most %1 characters.</source>
            <translation>备注太长：最多 %1 个字符。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="189" />
            <source>The file cannot be read: %1</source>
            <translation>无法读取文件：%1</translation>
        </message>
    </context>
    <context>
        <name>TermsPanel</name>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="75" />
            <source>percent, e.g. 50</source>
            <translation>百分数，如 50</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="76" />
            <source>percent, e.g. 6</source>
            <translation>百分数，如 6</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="98" />
            <source>Contact:</source>
            <translation>联系人：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="98" />
            <source>Urgency:</source>
            <translation>紧急程度：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="99" />
            <source>Received:</source>
            <translation>收样日期：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="100" />
            <source>Contract:</source>
            <translation>合同：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="100" />
            <source>Surcharge %:</source>
            <translation>加急费率 %：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="101" />
            <source>Due:</source>
            <translation>要求完成：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="102" />
            <source>Project:</source>
            <translation>工程项目：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="102" />
            <source>VAT %:</source>
            <translation>增值税率 %：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="103" />
            <source>Report delivery:</source>
            <translation>报告领取：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/order_form_terms.py" line="111" />
            <source>Notes:</source>
            <translation>备注：</translation>
        </message>
    </context>
    <context>
        <name>UserForm</name>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="71" />
            <source>Login:</source>
            <translation>登录名：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="73" />
            <source>Full name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="84" />
            <source>Job roles:</source>
            <translation>岗位角色：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="86" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="87" />
            <source>Repeat it:</source>
            <translation>再输一次：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="110" />
            <source>Type a login.</source>
            <translation>请输入登录名。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="112" />
            <source>Choose at least one job role.</source>
            <translation>请至少选择一个岗位角色。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="114" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="116" />
            <source>Type the new password twice.</source>
            <translation>请把新密码输入两次。</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="45" />
            <source>Front desk</source>
            <translation>收样/业务受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="46" />
            <source>Technician</source>
            <translation>检测员</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="47" />
            <source>Equipment manager</source>
            <translation>设备管理员</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="48" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="49" />
            <source>Signatory</source>
            <translation>授权签字人</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="50" />
            <source>Sales</source>
            <translation>销售/客服</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="51" />
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="140" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="149" />
            <source>Login</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="149" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="149" />
            <location filename="../../labdesk/ui/users_dialog.py" line="291" />
            <source>Job roles</source>
            <translation>岗位角色</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="149" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="159" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="160" />
            <location filename="../../labdesk/ui/users_dialog.py" line="239" />
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="161" />
            <source>Job roles…</source>
            <translation>岗位角色…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="162" />
            <source>Set password…</source>
            <translation>设置密码…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="174" />
            <source>This is the embedded database: one seat, used by whoever is signed in to this computer, so users have job roles but no passwords.</source>
            <translation>这是内置数据库：单机使用，由登录这台电脑的人使用，因此用户只有岗位角色，没有密码。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="190" />
            <source>Only an administrator may manage users.</source>
            <translation>只有管理员可以管理用户。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="206" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="206" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="238" />
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="266" />
            <source>Add user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="273" />
            <source>Added %1.</source>
            <translation>已添加 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="281" />
            <source>Enabled %1.</source>
            <translation>已启用 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="281" />
            <source>Disabled %1.</source>
            <translation>已停用 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="296" />
            <source>Changed the job roles of %1.</source>
            <translation>已修改 %1 的岗位角色。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="304" />
            <source>Set password</source>
            <translation>设置密码</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/users_dialog.py" line="309" />
            <source>Set the password of %1.</source>
            <translation>已设置 %1 的密码。</translation>
        </message>
    </context>
    <context>
        <name>WorkflowDialog</name>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="220" />
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="234" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="234" />
            <source>Step</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="234" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="235" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="235" />
            <source>Comment</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="243" />
            <source>Your job roles allow no step from this status.</source>
            <translation>您的岗位在此状态下没有可执行的操作。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/workflow_dialog_parts.py" line="262" />
            <source>History (newest first):</source>
            <translation>历史记录（最新在前）：</translation>
        </message>
    </context>
</TS>
