# The rule explanations of `vsm explain` (summary and explanation; the YAML examples stay as written).
# Traditional Chinese, Taiwan usage; the terms of docs/glossary.md. Rule codes, rule names, keys,
# values and commands in backticks stay as written.

## What `vsm explain` prints around the rules' text.

explain-default-error = 錯誤
explain-default-warning = 警告
explain-default-info = 提示
explain-default-always-on = 錯誤，一律啟用
explain-default-off = 預設關閉
explain-bad = 錯誤範例：
explain-good = 正確範例：
explain-md-title = 規則
explain-md-generated = 由 `vsm explain --all --format markdown --lang zh-TW` 產生。
explain-md-intro = 每筆檢查結果都有代碼、名稱和嚴重程度。設定（`vsm.yaml` 中的 `rules:`）、`--select`、`--ignore` 以及元素上的 `allow:` 都接受代碼或名稱。VSM001–VSM008 無法關閉。
explain-group-structure = 結構
explain-group-value = 價值
explain-group-hygiene = 涵蓋度與整潔度
explain-col-code = 代碼
explain-col-name = 名稱
explain-col-default = 預設
explain-col-catches = 檢查內容

## Each rule: `explain-<name>-summary` and `explain-<name>-text`, in code order.

# VSM001
explain-yaml-syntax-summary = 檔案不是有效的 YAML（指出解析器報錯的位置）
explain-yaml-syntax-text = 不是有效 YAML 的檔案完全無法讀取，因此其中的內容都不會被檢查。檢查結果指向解析器放棄的位置；錯誤往往就在它之前：未閉合的引號或括號、用定位字元縮排、值中含有未加引號的 `: `。不是 UTF-8 文字的檔案也在此報告。模型的其他檔案仍會被檢查。

# VSM002
explain-unknown-field-summary = 格式未定義的鍵（附「您是不是想寫」建議）
explain-unknown-field-text = 拼錯的鍵會悄無聲息地失去意義：把 `value_items:` 寫成 `value_item:`，階段就沒有了價值項，卻沒有人察覺。格式未定義的每個鍵都會被報告，並給出最接近的已知鍵作為建議。頂層鍵必須是模型的段（section）名。

# VSM003
explain-invalid-value-summary = 型別錯誤、數字超出範圍、列舉值無效、時長或目標寫法錯誤
explain-invalid-value-text = 熱力圖和預算檢查要用這些值來計算：在 1–5 的量表上成熟度為 7、重要性為 `huge` 或時長為 `soon`，都會使它們出錯或為空。檢查結果指向該值本身，並說明期望的是什麼。

# VSM004
explain-missing-field-summary = 缺少必填欄位
explain-missing-field-text = 每個元素都需要 `name`（表格和報告會顯示它），每個價值流都需要 `trigger`（其需求啟動該價值流的利害關係人），每個價值項和流程步驟都需要 `name`。

# VSM005
explain-duplicate-id-summary = 同一類元素的 id 被定義了兩次（顯示兩處位置）；重複的 YAML 鍵也在此報告
explain-duplicate-id-text = 元素之間透過 id 相互引用，因此每個 id 在所有檔案中、在同一類元素內必須唯一。同一 id 定義兩次時，一個定義會悄悄勝出，另一個則丟失。同一 YAML 對映中的重複鍵是同樣的錯誤。兩處位置都會顯示。

# VSM006
explain-unresolved-reference-summary = 引用了不存在的 id（附「您是不是想寫」建議）
explain-unresolved-reference-text = 引用缺失的元素會破壞對映表並掩蓋缺口：階段看起來有某個業務能力支撐，而該能力並不存在。檢查結果指向該引用，並建議同類中最接近的 id。階段以 `stream/stage` 的形式引用。

# VSM007
explain-wrong-kind-reference-summary = id 存在，但屬於另一類元素（例如業務物件被列在 `capabilities` 下）
explain-wrong-kind-reference-text = 該 id 已定義，但其元素類別與欄位所期望的不同，通常是因為列在了錯誤的鍵下。訊息會說明它實際屬於哪一類。

# VSM008
explain-invalid-id-summary = id 含有空白、`/` 或 `#`，或為空
explain-invalid-id-text = id 會寫在引用清單中，而在那裡空白會被去除，`/` 分隔價值流與其階段，`#` 開始一條註解。含有這些字元的 id 無法被可靠地引用。請使用任意文字的字母、數字、`-`、`_` 和 `.`；慣例是 kebab-case。

# VSM009
explain-empty-value-stream-summary = 沒有階段的價值流
explain-empty-value-stream-text = 價值流被劃分為若干階段；沒有任何階段，它就交付不出可分析、可對映到業務能力或可在報告中展示的東西。請至少新增一個階段。

# VSM010
explain-capability-cycle-summary = `parent` 鏈形成了迴圈
explain-capability-cycle-text = 業務能力的層級來自 `parent` 鏈。鏈形成迴圈時，迴圈中的能力都沒有層級，能力地圖無法繪製，熱力圖也會遺漏它們。每個迴圈報告一條檢查結果，位於其第一個能力的 `parent` 處。

# VSM011
explain-level-mismatch-summary = `level` 與 parent 鏈的深度不一致
explain-level-mismatch-text = `level` 是可選的；一旦填寫，就必須與該能力在 parent 鏈中的深度一致（沒有 parent 的能力為第 1 級，其子能力為第 2 級，……）。層級不一致說明能力樹調整過而數字沒有跟著改，按層級統計的清單就會出錯。

# VSM012
explain-stage-flow-summary = `next` 指向了另一個價值流的階段，或某階段從第一個階段不可達，或流轉形成了沒有出口的迴圈
explain-stage-flow-text = 階段按書寫順序流轉；`next` 可以改變順序（`[]` 表示價值流到此結束）。流轉必須留在其價值流之內，每個階段都必須能從第一個階段到達，每個迴圈（例如返工環節）都必須有通往價值流終點的出口。

# VSM013
explain-commitment-cycle-summary = `parts` 繞回到了上級承諾
explain-commitment-cycle-text = 承諾透過 `parts` 分解為更低層級的承諾。當子承諾繞回到上級承諾時，這棵樹就沒有底：預算無法累加，承諾樹也無法展示。

# VSM014
explain-commitment-over-budget-summary = 承諾的各子承諾無法容納在其目標之內
explain-commitment-over-budget-text = 一級承諾（「2 天內送達」）只有在其子承諾都能容納其中時才能兌現。在 `composition: sequential`（預設）下，各子承諾的時長目標相加；在 `parallel` 下，取最長的子承諾。兩種情況都不得超過上級承諾的 `<=` 或 `<` 時長目標（2 h + 4 h + 1.5 d 可以容納在 2 d 之內；1 d + 1 d + 4 h 則不能）。

# VSM015
explain-unknown-rule-summary = `allow` 或設定中指定了不存在的規則
explain-unknown-rule-text = 規則名拼錯的 `allow:` 條目什麼也關閉不了，於是它本想消除的檢查結果會反覆出現；更糟的是，拼寫錯誤會掩蓋該條目已經過時。規則用代碼（`VSM101`）或名稱（`no-value-item`）指定。

# VSM016
explain-unused-suppression-summary = 什麼也沒有抑制的 `# vsm: ignore[...]` 註解
explain-unused-suppression-text = 抑制註解（寫在行尾或單獨寫在上一行的 `# vsm: ignore[RULE]`，寫在檔案頂部註解塊中的 `# vsm: ignore-file[RULE]`）會隱藏其所列規則的檢查結果。一旦問題已修復，或它所守護的那一行已經移走，這條註解就什麼也不隱藏了，但它仍會告訴下一位讀者這裡有問題，而且會悄悄吞掉該規則在這一行上的下一個毫不相關的檢查結果。請刪除它。格式錯誤的抑制註解（沒有 `[...]`、清單為空、`ignore-file` 不在檔案頂部）也在此報告：它同樣什麼也抑制不了。本次執行中已關閉的規則不會被報告，因為對它們無從判斷。

# VSM101
explain-no-value-item-summary = 該階段不交付任何價值項：它不增加價值，可考慮刪除或合併
explain-no-value-item-text = 價值流的每個階段都必須為客戶增加價值；其價值項說明增加的是什麼價值。不產出任何價值項的階段「理論上可以刪除」：它是不增值的工作，讓流程變得更繁重，卻沒有讓客戶受益。要麼寫明客戶從中獲得的價值，要麼刪除它或把它合併到相鄰階段。

# VSM102
explain-unsupported-value-item-summary = 沒有任何業務能力支撐的價值項（既沒有自己的 `capabilities`，所在階段也沒有）
explain-unsupported-value-item-text = 每個價值項都需要一個或多個業務能力來交付（「快速識別客戶」需要客戶管理能力）。沒有任何能力的價值項，既沒有自己的也沒有所在階段的，就是一個企業中無人能夠兌現的承諾。

# VSM103
explain-missing-entry-conditions-summary = 該階段沒有入口條件
explain-missing-entry-conditions-text = 每個階段都有開始前必須滿足的入口條件。沒有入口條件，就沒有人知道該階段何時可以開始，團隊之間的交接就只能靠猜。

# VSM104
explain-missing-exit-conditions-summary = 該階段沒有出口條件
explain-missing-exit-conditions-text = 滿足一個階段的出口條件會觸發下一個階段。沒有出口條件，該階段就沒有完成的定義，流向下一階段全憑運氣。

# VSM105
explain-no-participants-summary = 該階段未列出任何參與的利害關係人
explain-no-participants-text = 階段中的工作總要有人來做：客服人員、部門、合作夥伴或客戶。沒有參與方的階段，無人對它應增加的價值負責。

# VSM106
explain-stage-without-capability-summary = 該階段完全沒有使用任何業務能力
explain-stage-without-capability-text = 業務能力是企業能夠做的事情；一個階段如果既不直接使用、也不透過其價值項使用任何能力，就無法放到能力地圖上，其薄弱之處也永遠不會出現在熱力圖中。

# VSM107
explain-trigger-not-involved-summary = 觸發方沒有參與任何階段
explain-trigger-not-involved-text = 價值流向其觸發方交付價值。當觸發方不參與任何階段時，這個價值流可能只是從內部視角建模的：沒有人核實客戶實際在哪裡體驗到它。

# VSM108
explain-perception-scale-mismatch-summary = 同一模型中的感知評分混用了 0–5 與 0–100 兩種量表
explain-perception-scale-mismatch-text = 客戶感知點的目前體驗與期望體驗按每個模型統一的量表評分，0–5 或 0–100。高於 5 的分數只可能屬於 0–100 量表；當一些客戶感知點（或同一感知點的兩個分數）使用 0–5、另一些使用 0–100 時，差距會跨量表計算（期望值 85 對目前值 3.2，差距為 81.8），報告顯示的改進方向也就錯了。模型的量表以多數客戶感知點所用的為準；另一種量表上的每個感知點都會被報告。

# VSM109
explain-commitment-beyond-flow-summary = 階段上的承諾所承諾的時間短於該階段自身的處理時間加等待時間
explain-commitment-beyond-flow-text = 階段上帶有時長上限（`<= 2d`、`< 4h`、`= 3min`）的承諾，是向客戶承諾該階段會在此時間內完成。當該階段自身的 `process_time` 加 `wait_time` 已經更長時，按現在畫出的流程，這個承諾無法兌現：縮短該階段（關鍵通常在於減少等待），或者只承諾流程能做到的。同一階段上的子承諾只承諾階段時間的一部分，不做比較。

# VSM110
explain-stage-without-it-support-summary = 支撐該階段的每個業務能力都是 `enablement: manual`：沒有任何系統支援它
explain-stage-without-it-support-text = 業務能力越來越依賴資料和系統運作；一個階段如果支撐它的每個能力（階段列出的和其價值項列出的）都靠手工完成，它就完全沒有 IT 支援。時間、差錯和對個別專家的依賴往往就在這裡，這也是數位化賦能的候選。這是值得看到的事實，而不是缺陷：該規則僅作提示。只有當支撐階段的每個能力都寫明 `enablement: manual` 時才會報告該階段；沒有 `enablement` 的能力或無法解析的引用會使答案未知，該階段不予報告。只計算所列出的能力，不計能力樹中其上級或下級能力。

# VSM201
explain-unused-capability-summary = 沒有被任何地方使用的業務能力，它本身及其下級能力都未被使用；每個未使用的子樹在其頂端報告一條
explain-unused-capability-text = 當一個業務能力或其下任何能力被階段、價值項、業務流程或流程步驟引用時，它就是被使用的。沒有被任何地方使用的能力，要麼已經過時，要麼是一條從未畫出的連線；無論哪種，熱力圖都會顯示一項無法關聯到任何價值階段的投入。整個未使用的分支只在其頂端報告一次，並附上其下能力的數量。

# VSM202
explain-unused-process-summary = 沒有實現任何階段的業務流程
explain-unused-process-text = 端到端流程是為實現價值流的階段而存在的。沒有任何階段在 `processes:` 下列出的業務流程，與客戶獲得的任何價值都沒有關聯。

# VSM203
explain-unused-information-summary = 沒有被任何地方使用的資訊項
explain-unused-information-text = 業務能力越來越依賴資料運作。沒有被任何階段、業務流程或流程步驟使用的資訊項，不在從階段到其所需資料的對映之中。

# VSM204
explain-unused-business-object-summary = 沒有被任何地方使用的業務物件
explain-unused-business-object-text = 所有活動都圍繞業務物件展開（投訴工單、訂單、客戶）。沒有被任何階段、資訊項或相關業務物件提及的業務物件，處在模型所描繪的工作之外。

# VSM205
explain-process-without-owner-summary = 沒有負責人的業務流程或流程步驟
explain-process-without-owner-text = 業務流程把業務能力串聯起來，讓每個步驟都有人負責。沒有端到端負責人的流程或無人負責的步驟，正是交接失敗、投訴停滯的地方。

# VSM206
explain-information-without-object-summary = 沒有圍繞業務物件組織的資訊項
explain-information-without-object-text = 資訊圍繞業務物件組織：聯絡記錄屬於客戶檔案，回訪記錄屬於投訴工單。沒有業務物件的資訊項，與它所描述的事物脫節。

# VSM207
explain-missing-description-summary = 沒有描述的元素
explain-missing-description-text = 元素和業務能力的描述是架構清單的一部分：只有名稱，每個部門的理解都會不同。預設關閉；當模型要作為參考基準時，請開啟它（在 `vsm.yaml` 中寫 `missing-description: info`）。它涵蓋利害關係人、價值流、階段、業務能力、業務流程、資訊項和業務物件。

# VSM208
explain-maturity-gap-summary = 目標成熟度低於目前成熟度（很可能寫反了）
explain-maturity-gap-text = `target_maturity` 與 `maturity` 之間的差距決定熱力圖的顏色。目標低於目前成熟度，意味著企業計劃在這方面變得更差；這幾乎總是兩個數字寫反了。

# VSM209
explain-commitment-without-owner-summary = 沒有任何部門或角色負責的服務承諾
explain-commitment-without-owner-text = 分級承諾之所以有效，是因為每一項都落到一個具名的部門或角色上。沒有負責人的承諾無人監控，違反了也沒有後果。

# VSM210
explain-focus-perception-uncovered-summary = 沒有任何服務承諾回應的關鍵感知點
explain-focus-perception-uncovered-text = 關鍵感知點是為改進而選出的少數客戶接觸點。每個關鍵感知點都應有服務承諾來回應（在承諾上寫 `perception:`）；沒有回應的，就是選出來之後被遺忘了。

# VSM211
explain-unused-stakeholder-summary = 沒有被任何階段、觸發方、業務流程、步驟、承諾或業務能力提及的利害關係人
explain-unused-stakeholder-text = 利害關係人觸發價值流、參與階段，並負責業務能力、業務流程、步驟和承諾。沒有被任何地方提及的利害關係人在模型中沒有角色：可能是早期版本遺留下來的一方，或者其角色從未寫下來。

# VSM212
explain-confusable-ids-summary = 同一類中兩個看起來相似的 id（Unicode 易混淆字元）
explain-confusable-ids-text = id 按字元逐一比較，因此 `admin` 和 `аdmin`（首字母為西里爾字母）是兩個利害關係人，在另一種鍵盤上輸入的引用會指向錯誤的那個，或者誰也不指向，而檔案中看不出任何異樣。當同一類中兩個 id 的 Unicode 骨架（TR39：每個字元替換為容易與之混淆的字元，如西里爾字母 `а` 對應拉丁字母 `a`、`0` 對應 `O`、`rn` 對應 `m`）相同時，它們就是易混淆的。階段只與其所在價值流的其他階段比較，因為階段引用首先寫出價值流。請重新命名其中一個；如果兩者本是同一元素，就將其合併。

# VSM213
explain-missing-flow-times-summary = 在其他階段有時間的價值流中，某個階段既沒有處理時間也沒有等待時間
explain-missing-flow-times-text = 流動指標（`vsm table --view flow`：前置時間、關鍵路徑、流動效率）把各階段的 `process_time` 與 `wait_time` 相加。兩者都沒有的階段絕不會按零計算，因此當價值流中有些階段有時間、有些沒有時，該價值流的前置時間只是一個下限（`≥ 15d, 5 of 6 stages have no times`）。預設關閉；當價值流的指標應當完整時，請開啟它（在 `vsm.yaml` 中寫 `missing-flow-times: info`）。沒有任何階段有時間的價值流不予報告。
