<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <location filename="../../labdesk/services/ledgers/business.py" line="204" />
            <location filename="../../labdesk/services/ledgers/business.py" line="267" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="139" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="183" />
            <source>Receipts</source>
            <translation>收款记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="200" />
            <source>Invoice requests</source>
            <translation>开票申请</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="257" />
            <source>Order lines</source>
            <translation>委托明细</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="266" />
            <source>Samples</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="95" />
            <location filename="../../labdesk/services/ledgers/business.py" line="126" />
            <location filename="../../labdesk/services/ledgers/business.py" line="267" />
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
            <location filename="../../labdesk/services/ledgers/lab.py" line="76" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="219" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="185" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="186" />
            <location filename="../../labdesk/services/ledgers/business.py" line="203" />
            <location filename="../../labdesk/services/ledgers/business.py" line="258" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="187" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="249" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="188" />
            <source>Payer</source>
            <translation>付款方</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="189" />
            <source>Reference</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="202" />
            <source>Request no.</source>
            <translation>申请单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="205" />
            <source>Invoice no.</source>
            <translation>发票号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="206" />
            <source>Issued</source>
            <translation>开票日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="258" />
            <source>Description</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="258" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="258" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="267" />
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="267" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="75" />
            <source>Custody</source>
            <translation>流转记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="134" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="202" />
            <source>Versions</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="216" />
            <source>Approvals</source>
            <translation>审批记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="238" />
            <source>Seals</source>
            <translation>用印记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="248" />
            <source>Dispatch</source>
            <translation>发放记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="320" />
            <source>Calibrations</source>
            <translation>校准记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="341" />
            <source>Repairs</source>
            <translation>维修记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="76" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="221" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="239" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="249" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="76" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="76" />
            <source>To</source>
            <translation>接收人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="76" />
            <source>Location</source>
            <translation>存放位置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="136" />
            <source>Task no.</source>
            <translation>任务编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="137" />
            <source>Task</source>
            <translation>任务名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="138" />
            <source>Assignee</source>
            <translation>负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="140" />
            <source>Progress %</source>
            <translation>进度 %</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="141" />
            <source>Due</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="203" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="203" />
            <source>SHA-256</source>
            <translation>SHA-256 摘要</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="203" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="203" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="218" />
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="220" />
            <source>Decision</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="222" />
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="239" />
            <source>Seal</source>
            <translation>印章</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="239" />
            <source>Signer</source>
            <translation>签字人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="239" />
            <source>Page</source>
            <translation>页码</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="249" />
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="249" />
            <source>Tracking no.</source>
            <translation>快递单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="322" />
            <source>Calibrated on</source>
            <translation>校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="323" />
            <source>Provider</source>
            <translation>校准机构</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="324" />
            <source>Certificate no.</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="325" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="342" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="326" />
            <source>Next due</source>
            <translation>下次校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="342" />
            <source>Reported at</source>
            <translation>报修时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="342" />
            <source>Fault</source>
            <translation>故障描述</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="342" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
    </context>
    <context>
        <name>CardDialog</name>
        <message>
            <location filename="../../labdesk/ui/card_dialog.py" line="88" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
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
            <location filename="../../labdesk/ui/ledger_filters.py" line="49" />
            <source>Filter %1</source>
            <translation>筛选%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="61" />
            <source>contains…</source>
            <translation>包含…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="78" />
            <source>Clear all</source>
            <translation>全部清除</translation>
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
        <name>FilterBar</name>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="124" />
            <location filename="../../labdesk/ui/ledger_filters.py" line="148" />
            <source>Filters…</source>
            <translation>筛选…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="128" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="148" />
            <source>Filters (%1)…</source>
            <translation>筛选（%1）…</translation>
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
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="81" />
            <source>Label templates</source>
            <translation>标签模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="90" />
            <source>Instrument</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="91" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="99" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="100" />
            <source>Kind:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="101" />
            <source>Width (mm):</source>
            <translation>宽度（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="102" />
            <source>Height (mm):</source>
            <translation>高度（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="103" />
            <source>Resolution:</source>
            <translation>分辨率：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="104" />
            <source>Margin (mm):</source>
            <translation>边距（mm）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="109" />
            <source>Source</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="110" />
            <source>X</source>
            <translation>X</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="111" />
            <source>Y</source>
            <translation>Y</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="112" />
            <source>W</source>
            <translation>宽</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="113" />
            <source>H</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="114" />
            <source>Font mm</source>
            <translation>字号 mm</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="115" />
            <source>Min font</source>
            <translation>最小字号</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="116" />
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="117" />
            <source>Caption</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="136" />
            <source>New (copy)</source>
            <translation>新建（复制）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="137" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="138" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="157" />
            <source>Fields (mm from the top-left corner):</source>
            <translation>字段（距左上角的毫米数）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="160" />
            <source>Preview (demo record):</source>
            <translation>预览（示例记录）：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="211" />
            <source>[built-in]</source>
            <translation>[内置]</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="213" />
            <source>[not saved]</source>
            <translation>[未保存]</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="216" />
            <source>Built-in templates are read-only; New makes a copy you can edit.</source>
            <translation>内置模板只读；点“新建”可复制一份进行编辑。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="228" />
            <source>A built-in template cannot be changed; New makes a copy you can edit.</source>
            <translation>内置模板不能修改；点“新建”可复制一份进行编辑。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="277" />
            <source>row %1: %2 is not a number</source>
            <translation>第 %1 行：%2 不是数字</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="307" />
            <source>This template cannot be printed:</source>
            <translation>此模板无法打印：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="375" />
            <source>Template %1 saved.</source>
            <translation>模板 %1 已保存。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="392" />
            <source>Delete template</source>
            <translation>删除模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="393" />
            <source>Delete the template %1? Labels already printed are not affected.</source>
            <translation>删除模板 %1？已打印的标签不受影响。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/label_templates_dialog.py" line="409" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="55" />
            <source>Customers</source>
            <translation>客户台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="56" />
            <location filename="../../labdesk/services/ledgers/business.py" line="165" />
            <location filename="../../labdesk/services/ledgers/business.py" line="244" />
            <location filename="../../labdesk/services/ledgers/business.py" line="293" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="110" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="178" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="237" />
            <source>Orders</source>
            <translation>委托单台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="238" />
            <source>Order</source>
            <translation>委托单</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="282" />
            <source>Fees</source>
            <translation>委托收费台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="283" />
            <source>Order fee</source>
            <translation>委托收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="61" />
            <source>Customer code</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="62" />
            <source>Customer name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="63" />
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="64" />
            <location filename="../../labdesk/services/ledgers/business.py" line="166" />
            <location filename="../../labdesk/services/ledgers/business.py" line="245" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="56" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="111" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="179" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="293" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="65" />
            <source>Customer type</source>
            <translation>客户类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="66" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="67" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="68" />
            <source>Sales owner</source>
            <translation>业务负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="69" />
            <source>Next follow-up</source>
            <translation>下次回访</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="72" />
            <source>Unified credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="77" />
            <source>Address</source>
            <translation>地址</translation>
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
            <location filename="../../labdesk/services/ledgers/lab.py" line="176" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="299" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="243" />
            <location filename="../../labdesk/services/ledgers/business.py" line="292" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="54" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="177" />
            <source>Order no.</source>
            <translation>委托单号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="246" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="247" />
            <source>Received on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="248" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="122" />
            <source>Due</source>
            <translation>要求完成日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="249" />
            <location filename="../../labdesk/services/ledgers/business.py" line="295" />
            <source>List price</source>
            <translation>标准价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="250" />
            <location filename="../../labdesk/services/ledgers/business.py" line="297" />
            <source>Final price</source>
            <translation>成交价</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="251" />
            <source>Report delivery</source>
            <translation>报告领取方式</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="252" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="294" />
            <source>Order status</source>
            <translation>委托状态</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="296" />
            <source>Discount</source>
            <translation>优惠金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="298" />
            <source>Charged</source>
            <translation>已收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="302" />
            <source>Outstanding</source>
            <translation>未收金额</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="307" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="308" />
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="309" />
            <source>Confirmed at</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="46" />
            <source>Samples</source>
            <translation>样品台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="47" />
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="99" />
            <source>Projects</source>
            <translation>项目台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="100" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="165" />
            <source>Reports</source>
            <translation>报告台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="166" />
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="267" />
            <source>Instruments</source>
            <translation>仪器设备台账</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="268" />
            <source>Instrument</source>
            <translation>仪器设备</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="52" />
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="53" />
            <source>Sample name</source>
            <translation>样品名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="55" />
            <source>Sample type</source>
            <translation>样品类型</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="57" />
            <source>Holder</source>
            <translation>领取人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="58" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="294" />
            <source>Location</source>
            <translation>存放位置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="59" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="60" />
            <source>Specification</source>
            <translation>规格型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="61" />
            <source>Received at</source>
            <translation>收样时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="62" />
            <source>Storage</source>
            <translation>储存条件</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="63" />
            <source>After testing</source>
            <translation>检后处理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="108" />
            <source>Project no.</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="109" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="112" />
            <source>Manager</source>
            <translation>项目负责人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="115" />
            <source>Progress %</source>
            <translation>进度 %</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="121" />
            <source>Start</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="123" />
            <source>Subcontracted</source>
            <translation>分包</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="175" />
            <source>Report no.</source>
            <translation>报告编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="180" />
            <source>Drafted by</source>
            <translation>编制人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="183" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="189" />
            <source>Issued at</source>
            <translation>签发时间</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="276" />
            <source>Instrument code</source>
            <translation>设备编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="284" />
            <source>Instrument name</source>
            <translation>设备名称</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="290" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="291" />
            <source>Serial no.</source>
            <translation>出厂编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="292" />
            <source>Manufacturer</source>
            <translation>生产厂家</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="295" />
            <source>Custodian</source>
            <translation>保管人</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="296" />
            <source>Last calibrated</source>
            <translation>上次校准日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="297" />
            <source>Calibration due</source>
            <translation>校准到期日</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="298" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="301" />
            <source>Interval (months)</source>
            <translation>校准周期（月）</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="306" />
            <source>Certificate no.</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="307" />
            <source>Purchased</source>
            <translation>购置日期</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="308" />
            <source>Purchase price</source>
            <translation>购置价格</translation>
        </message>
    </context>
    <context>
        <name>LedgerFilters</name>
        <message>
            <location filename="../../labdesk/ui/ledger_filters.py" line="37" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
    </context>
    <context>
        <name>LedgerTab</name>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="78" />
            <source>Search (Ctrl+F)…</source>
            <translation>搜索（Ctrl+F）…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="97" />
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="98" />
            <source>Export the rows shown, with the visible columns (Ctrl+E)</source>
            <translation>导出当前显示的行和可见列（Ctrl+E）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="102" />
            <source>Print sample labels…</source>
            <translation>打印样品标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="104" />
            <source>Print QR labels for the samples of the selected orders (Ctrl+P)</source>
            <translation>为选中委托单的样品打印二维码标签（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="106" />
            <source>Print labels…</source>
            <translation>打印标签…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="107" />
            <source>Print QR labels for the selected rows (Ctrl+P)</source>
            <translation>为选中的行打印二维码标签（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="112" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="260" />
            <source>Select the rows to print labels for first.</source>
            <translation>请先选择要打印标签的行。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="279" />
            <source>The selected orders have no samples.</source>
            <translation>选中的委托单没有样品。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="303" />
            <location filename="../../labdesk/ui/ledger_view.py" line="332" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="304" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="316" />
            <source>Export cancelled.</source>
            <translation>已取消导出。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="326" />
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="338" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="341" />
            <source>1 row</source>
            <translation>共 1 条</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/ledger_view.py" line="342" />
            <source>%1 rows</source>
            <translation>共 %1 条</translation>
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
            <location filename="../../labdesk/ui/main_window.py" line="64" />
            <source>This local database file is single-user: to work together on several computers, connect all of them to one database server.</source>
            <translation>本地数据库文件仅供单人使用：如需多台电脑协同工作，请将它们连接到同一台数据库服务器。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="92" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="93" />
            <source>Connect to server…</source>
            <translation>连接服务器…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="94" />
            <source>Use local database</source>
            <translation>使用本地数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="95" />
            <source>Use demo database</source>
            <translation>使用演示数据库</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="97" />
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="100" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="102" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="103" />
            <location filename="../../labdesk/ui/main_window.py" line="351" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="112" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="115" />
            <source>&amp;Labels</source>
            <translation>标签(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="116" />
            <source>Print job log…</source>
            <translation>打印记录…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="117" />
            <source>Printers…</source>
            <translation>打印机…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="118" />
            <source>Label templates…</source>
            <translation>标签模板…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="121" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="122" />
            <location filename="../../labdesk/ui/main_window.py" line="358" />
            <source>About LabDesk</source>
            <translation>关于 LabDesk</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="137" />
            <source>Connecting to %1…</source>
            <translation>正在连接 %1…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="140" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="148" />
            <source>Preparing the demo database…</source>
            <translation>正在准备演示数据库…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="169" />
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="171" />
            <location filename="../../labdesk/ui/main_window.py" line="342" />
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="171" />
            <location filename="../../labdesk/ui/main_window.py" line="342" />
            <source>Connection lost</source>
            <translation>连接已断开</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="182" />
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="224" />
            <source>Password not saved</source>
            <translation>密码未保存</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="225" />
            <source>This computer has no credential store (keyring), so the password is kept only until LabDesk closes; you will be asked again next time.</source>
            <translation>这台电脑没有可用的凭据管理器（keyring），密码只保留到 LabDesk 关闭为止；下次启动时需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="286" />
            <source>Open a database first.</source>
            <translation>请先打开数据库。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="291" />
            <source>Print job log</source>
            <translation>打印记录</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="312" />
            <source>Label templates</source>
            <translation>标签模板</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="320" />
            <source>Label templates are not available in this version of LabDesk.</source>
            <translation>此版本的 LabDesk 不提供标签模板。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="352" />
            <source>The new language applies when LabDesk is restarted.</source>
            <translation>新的界面语言将在重新启动 LabDesk 后生效。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="356" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/main_window.py" line="359" />
            <source>&lt;h3&gt;LabDesk %1&lt;/h3&gt;&lt;p&gt;The testing laboratory's workbench.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Server: %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;LabDesk %1&lt;/h3&gt;&lt;p&gt;检测实验室工作台。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br&gt;服务器：%3&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>PrinterProfilesDialog</name>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="69" />
            <source>Printers</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="77" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="79" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="85" />
            <source>Printers of this workstation:</source>
            <translation>本工作站的打印机：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="92" />
            <source>tcp://HOST:9100, cups:QUEUE or file:PATH</source>
            <translation>tcp://主机:9100、cups:队列名 或 file:文件路径</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="104" />
            <source>The template this printer usually prints (empty: the kind's default)</source>
            <translation>这台打印机常用的标签模板（留空：该类别的默认模板）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="106" />
            <source>none: Chinese is printed as pictures</source>
            <translation>无：中文以图像方式打印</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="108" />
            <source>A Chinese font stored on a ZPL printer; empty: Chinese text is sent as bitmaps</source>
            <translation>ZPL 打印机上存储的中文字体；留空：中文以位图发送</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="110" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="111" />
            <source>Address:</source>
            <translation>地址：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="112" />
            <source>Language:</source>
            <translation>打印语言：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="113" />
            <source>Resolution:</source>
            <translation>分辨率：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="114" />
            <source>Default template:</source>
            <translation>默认模板：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="115" />
            <source>Resident Chinese font:</source>
            <translation>打印机中文字体：</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="120" />
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="121" />
            <source>Connect to the printer and ask whether it is ready</source>
            <translation>连接打印机并询问是否就绪</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="211" />
            <source>(no name)</source>
            <translation>（未命名）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="226" />
            <source>Two printers are named %1.</source>
            <translation>有两台打印机都叫 %1。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="248" />
            <source>Printer %1</source>
            <translation>打印机 %1</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="264" />
            <source>Delete printer</source>
            <translation>删除打印机</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="265" />
            <source>Delete the printer %1 from this workstation? (It is removed when you save.)</source>
            <translation>从本工作站删除打印机 %1？（保存后生效。）</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="291" />
            <source>%1 printers saved.</source>
            <translation>已保存 %1 台打印机。</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="304" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <location filename="../../labdesk/ui/printer_profiles_dialog.py" line="321" />
            <source>Printer ready</source>
            <translation>打印机就绪</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <location filename="../../labdesk/services/connection.py" line="196" />
            <source>Cannot reach the database server at {where}; check the host and port, and that the server is running.</source>
            <translation>无法连接数据库服务器 {where}；请检查主机和端口，并确认服务器正在运行。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="202" />
            <source>Database error at {where}: {detail}.</source>
            <translation>数据库 {where} 出错：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="184" />
            <source>Cannot open the local database file ({where}): {detail}.</source>
            <translation>无法打开本地数据库文件（{where}）：{detail}。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="187" />
            <source>The server at {where} refused the user name or password; check them and try again.</source>
            <translation>服务器 {where} 拒绝了用户名或密码；请检查后重试。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="190" />
            <source>The server is reachable but has no database named '{name}'; ask an administrator to create it.</source>
            <translation>已连接到服务器，但没有名为“{name}”的数据库；请联系管理员创建。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="193" />
            <source>The server does not know the user '{user}'; ask an administrator to add it.</source>
            <translation>服务器上没有用户“{user}”；请联系管理员添加。</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/connection.py" line="200" />
            <source>The database server at {where} could not be used: {detail}.</source>
            <translation>数据库服务器 {where} 无法使用：{detail}。</translation>
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
        <name>Status</name>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="21" />
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/formatting.py" line="22" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="176" />
            <location filename="../../labdesk/services/ledgers/formatting.py" line="42" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
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
            <location filename="../../labdesk/services/ledgers/lab.py" line="196" />
            <source>Issued</source>
            <translation>已签发</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="174" />
            <location filename="../../labdesk/services/ledgers/business.py" line="225" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="226" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="227" />
            <source>Fee confirmed</source>
            <translation>已确认收费</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="228" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="229" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="68" />
            <source>In testing</source>
            <translation>检测中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="178" />
            <location filename="../../labdesk/services/ledgers/business.py" line="230" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="129" />
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="231" />
            <source>Reported</source>
            <translation>已出报告</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="232" />
            <location filename="../../labdesk/services/ledgers/lab.py" line="130" />
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
            <location filename="../../labdesk/services/ledgers/business.py" line="175" />
            <source>Under review</source>
            <translation>评审中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="177" />
            <source>Archived</source>
            <translation>已归档</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/business.py" line="179" />
            <source>Terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="66" />
            <source>Received</source>
            <translation>已收样</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="67" />
            <source>Stored</source>
            <translation>已入库</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="69" />
            <source>Returned</source>
            <translation>已退还</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="70" />
            <source>Retained</source>
            <translation>留样</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="71" />
            <source>Disposed</source>
            <translation>已处置</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="126" />
            <source>Planned</source>
            <translation>计划中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="127" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="128" />
            <source>On hold</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="192" />
            <source>Drafting</source>
            <translation>编制中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="193" />
            <source>Reviewing</source>
            <translation>审核中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="194" />
            <source>Approving</source>
            <translation>批准中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="195" />
            <source>Sealing</source>
            <translation>用印中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="197" />
            <source>Dispatched</source>
            <translation>已发放</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="198" />
            <source>Voided</source>
            <translation>已作废</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="311" />
            <source>In service</source>
            <translation>在用</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="312" />
            <source>Under repair</source>
            <translation>维修中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="313" />
            <source>Out for calibration</source>
            <translation>送检中</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="314" />
            <source>Out of service</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="315" />
            <source>Loaned</source>
            <translation>借出</translation>
        </message>
        <message>
            <location filename="../../labdesk/services/ledgers/lab.py" line="316" />
            <source>Retired</source>
            <translation>报废</translation>
        </message>
    </context>
</TS>
