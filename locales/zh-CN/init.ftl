# The comments of the starter model `vsm init` writes.
# Simplified Chinese, mainland usage; see the English file for the rules of these messages.

## The config, vsm.yaml.

init-comment-config =
    vsm 配置：不带路径的 `vsm check` 从 `paths` 读取模型。
    每个键都是可选的；规则见 `vsm explain`。
init-comment-fail-on = error | warning | info | never：让 CI 失败的级别
init-comment-rules = 严重程度（error、warning、info）或 off，按代码或名称
init-comment-palette = 热力图配色：viridis（色盲友好）或 rag
init-comment-lang = 报告的语言：en、zh-CN 或 zh-TW
init-name-report-title = 呼入服务

## The starter model, models/model.yaml.

init-comment-model =
    vsm 的入门价值流模型：先运行 `vsm check`，再把它改成你自己的模型。
    编辑器补全：在项目文件夹中运行 `vsm schema > vsm.schema.json`，然后把下面这一行
    放在每个模型文件的第一行（yaml-language-server，例如 VS Code 的 YAML 扩展）：
      # yaml-language-server: $schema=../vsm.schema.json
init-name-model = 呼入服务（入门）
init-name-service-centre = 客户服务中心
init-name-customer = 客户
init-name-agent = 客服坐席
init-name-stream = 解决客户咨询
init-name-value-proposition = 客户的问题在首次联系时即得到解决
init-name-connect = 接通
init-name-connect-description = 来电接入坐席
init-name-customer-calls = 客户拨打热线
init-name-agent-answered = 坐席已接听
init-name-not-kept-waiting = 客户无需久等
init-name-answer-rate = 30 秒接通率 >= 90%
init-name-understand = 理解需求
init-name-need-confirmed = 需求已复述并得到确认
init-name-trust = 客户相信我们能解决问题
init-name-customer-service = 客户服务
init-name-call-routing = 呼叫路由
init-name-customer-identification = 客户识别
init-name-handle-call = 处理呼入电话
init-name-route-call = 路由来电
init-name-identify-caller = 识别来电者
init-name-contact-record = 联系记录
init-name-customer-profile = 客户档案
init-name-profile-attributes = 编号, 姓名, 电话, 历史记录
init-name-answer-fast = 30 秒内接听来电
init-name-time-on-hold = 等待时长

## What `vsm init` says when it is done (on stderr).

init-wrote = 已写入 {$config} 和 {$model}。下一步：`vsm check`。
init-wrote-in = 已写入 {$config} 和 {$model}。下一步：在 `{$dir}` 中运行 `vsm check`。
