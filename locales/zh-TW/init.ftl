# The comments of the starter model `vsm init` writes.
# Traditional Chinese, Taiwan usage; see the English file for the rules of these messages.

## The config, vsm.yaml.

init-comment-config =
    vsm 設定：不帶路徑的 `vsm check` 會從 `paths` 讀取模型。
    每個鍵都是選填的；規則請見 `vsm explain`。
init-comment-fail-on = error | warning | info | never：讓 CI 失敗的層級
init-comment-rules = 嚴重程度（error、warning、info）或 off，依代碼或名稱
init-comment-palette = 熱力圖配色：viridis（色盲友善）或 rag
init-comment-lang = 報告的語言：en、zh-CN 或 zh-TW
init-name-report-title = 進線服務

## The starter model, models/model.yaml.

init-comment-model =
    vsm 的入門價值流模型：先執行 `vsm check`，再把它改成你自己的模型。
    編輯器自動完成：在專案資料夾中執行 `vsm schema > vsm.schema.json`，然後把下面這一行
    放在每個模型檔案的第一行（yaml-language-server，例如 VS Code 的 YAML 擴充功能）：
      # yaml-language-server: $schema=../vsm.schema.json
init-name-model = 進線服務（入門）
init-name-service-centre = 客戶服務中心
init-name-customer = 客戶
init-name-agent = 客服人員
init-name-stream = 解決客戶諮詢
init-name-value-proposition = 客戶的問題在第一次聯繫時就獲得解決
init-name-connect = 接通
init-name-connect-description = 來電轉接至客服人員
init-name-customer-calls = 客戶撥打客服專線
init-name-agent-answered = 客服人員已接聽
init-name-not-kept-waiting = 客戶不必久候
init-name-answer-rate = 30 秒接通率 >= 90%
init-name-understand = 了解需求
init-name-need-confirmed = 需求已複述並獲得確認
init-name-trust = 客戶相信我們能解決問題
init-name-customer-service = 客戶服務
init-name-call-routing = 來電分配
init-name-customer-identification = 客戶身分識別
init-name-handle-call = 處理進線電話
init-name-route-call = 分配來電
init-name-identify-caller = 確認來電者身分
init-name-contact-record = 聯絡紀錄
init-name-customer-profile = 客戶資料
init-name-profile-attributes = 編號, 姓名, 電話, 歷史紀錄
init-name-answer-fast = 30 秒內接聽來電
init-name-time-on-hold = 等候時間

## What `vsm init` says when it is done (on stderr).

init-wrote = 已寫入 {$config} 和 {$model}。下一步：`vsm check`。
init-wrote-in = 已寫入 {$config} 和 {$model}。下一步：在 `{$dir}` 中執行 `vsm check`。
