#!/usr/bin/env python3
"""Generate large, valid value-stream models (vsm model format v1).

Deterministic for a given --seed. Python 3 standard library only.

    python3 scripts/gen_model.py --out /tmp/m                  # 2000 streams, ~16 MB
    python3 scripts/gen_model.py --streams 20 --files 2 --out /tmp/tiny
    python3 scripts/gen_model.py --defects 0.05 --out /tmp/bad --force
    python3 scripts/gen_model.py --flat-stages 1000000 --out /tmp/flat

--flat-stages N writes instead one file, OUT/stages.yaml, of N small stages
(about 150 bytes each, one per line, ten to a stream) and the few elements
they name: the shape whose peak memory per byte of input is the highest
(docs/performance.md, "Peak memory of a single large file").

Layout of the output directory (F = --files, capped at the number of streams):
    value-streams/streams-NN.yaml   F files, the value streams spread evenly
    stakeholders.yaml               `model` document, `---`, `stakeholders`
    capabilities.yaml, processes.yaml, information.yaml,
    business-objects.yaml, commitments.yaml, perceptions.yaml

With --defects 0 (the default) the model passes every rule that rules.md
enables by default. With --defects RATE a fixed proportion of elements gets a
planted defect; the count of each kind (by rule) is printed to stderr:
    no-value-item         round(RATE * stages)     stage without value items
    unresolved-reference  round(RATE * stages)     extra near-miss reference in a stage
    unknown-field         round(RATE * stages)     misspelt extra key in a stage
    process-without-owner round(RATE * processes)  process `owner` removed
    commitment-without-owner round(RATE * commitments)  commitment `owner` removed
Each planted defect yields exactly one finding of its rule and nothing else.
The base model for a seed is the same whatever the defect rate.
"""

import argparse
import os
import random
import re
import sys
import time

# --------------------------------------------------------------------------
# YAML writing (block style by hand)
# --------------------------------------------------------------------------


class Refs(list):
    """A list of references, written in flow style: [a, b]."""


class One(str):
    """A reference list of one, written as the single-string form."""


class Block(str):
    """A long text written as a folded block scalar (`>-`), one sentence a line."""

    __slots__ = ()


class FlowMap(dict):
    """A mapping written in flow style: {a: b, c: [d]}."""


_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_UNSAFE_ANY = re.compile(r"[,\[\]{}\n\t\r:\\]| #|^\s|\s$")
_RESERVED = re.compile(
    r"^(?:true|false|yes|no|on|off|y|n|null|~|"
    r"[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|"
    r"[-+]?\.(?:inf|nan)|0x[0-9a-f]+|0o[0-7]+|\d{4}-\d\d-\d\d.*)$",
    re.IGNORECASE,
)
_sc_cache = {}


def sc(s):
    """A scalar: plain when that is unambiguous, else double-quoted."""
    r = _sc_cache.get(s)
    if r is not None:
        return r
    if s and s[0] not in _UNSAFE_START and not _UNSAFE_ANY.search(s) and not _RESERVED.match(s):
        r = s
    else:
        r = '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if len(s) < 80:
        _sc_cache[s] = r
    return r


def scalar(v):
    t = type(v)
    if t is bool:
        return "true" if v else "false"
    if t is int or t is float:
        return repr(v)
    if t is Refs:
        return "[" + ", ".join([sc(x) for x in v]) + "]"
    if t is FlowMap:
        return "{" + ", ".join([k + ": " + scalar(x) for k, x in v.items()]) + "}"
    return sc(v)


def emit_map(out, d, ind):
    pad = " " * ind
    for k, v in d.items():
        t = type(v)
        if t is dict:
            out.append(pad + k + ":\n")
            emit_map(out, v, ind + 2)
        elif t is list:
            if not v:
                out.append(pad + k + ": []\n")
                continue
            out.append(pad + k + ":\n")
            ipad = pad + "  "
            for item in v:
                if type(item) is dict:
                    start = len(out)
                    emit_map(out, item, ind + 4)
                    out[start] = ipad + "- " + out[start][ind + 4:]
                else:
                    out.append(ipad + "- " + scalar(item) + "\n")
        elif t is Block:
            out.append(pad + k + ": >-\n")
            ipad = pad + "  "
            for line in v.split("\n"):
                out.append(ipad + line + "\n")
        else:
            out.append(pad + k + ": " + scalar(v) + "\n")


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

ROLES = [  # slug, English, Chinese, type
    ("customer", "Customer", "客户", "external"),
    ("business-customer", "Business customer", "企业客户", "external"),
    ("agent", "Service agent", "客服坐席", "internal"),
    ("service-centre", "Customer service centre", "客服中心", "internal"),
    ("complaints-desk", "Complaints desk", "投诉处理组", "internal"),
    ("back-office", "Back office", "后台运营", "internal"),
    ("billing-team", "Billing team", "计费团队", "internal"),
    ("field-service", "Field service", "现场服务部", "internal"),
    ("it-operations", "IT operations", "IT运维", "internal"),
    ("quality-team", "Quality team", "质检组", "internal"),
    ("team-lead", "Team lead", "班组长", "internal"),
    ("duty-manager", "Duty manager", "值班经理", "internal"),
    ("risk-office", "Risk office", "风控部", "internal"),
    ("sales", "Sales", "销售部", "internal"),
    ("legal", "Legal", "法务部", "internal"),
    ("product-owner", "Product owner", "产品经理", "internal"),
    ("data-office", "Data office", "数据管理部", "internal"),
    ("logistics-partner", "Logistics partner", "物流合作方", "partner"),
    ("repair-partner", "Repair partner", "维修合作商", "partner"),
    ("payment-provider", "Payment provider", "支付服务商", "partner"),
]
INTERNAL = [i for i, r in enumerate(ROLES) if r[3] == "internal"]
PARTNER = [i for i, r in enumerate(ROLES) if r[3] == "partner"]
TRIGGERS = [0, 1]

REGIONS = [
    ("north", "North", "华北"), ("south", "South", "华南"), ("east", "East", "华东"),
    ("west", "West", "西部"), ("central", "Central", "华中"), ("northeast", "Northeast", "东北"),
    ("southwest", "Southwest", "西南"), ("coast", "Coast", "沿海"), ("metro", "Metro", "都市圈"),
    ("rural", "Rural", "县域"),
]

THEMES = [  # slug, English, Chinese, trigger event
    ("resolve-complaint", "Resolve a customer complaint", "投诉处理", "The customer lodges a complaint"),
    ("onboard-customer", "Onboard a new customer", "客户开户", "The customer asks to open an account"),
    ("repair-fault", "Repair a reported fault", "故障报修", "The customer reports a fault"),
    ("answer-enquiry", "Answer an enquiry", "咨询应答", "The customer calls the hotline"),
    ("settle-claim", "Settle an insurance claim", "理赔处理", "The customer files a claim"),
    ("deliver-order", "Deliver an order", "订单交付", "The customer places an order"),
    ("change-plan", "Change a service plan", "套餐变更", "The customer asks for another plan"),
    ("collect-payment", "Collect an overdue payment", "欠费催收", "A payment is overdue"),
    ("close-account", "Close an account", "销户办理", "The customer asks to close the account"),
    ("renew-contract", "Renew a contract", "合同续约", "The contract is due for renewal"),
    ("install-service", "Install a new service", "新装服务", "The customer orders an installation"),
    ("handle-refund", "Handle a refund", "退款处理", "The customer asks for a refund"),
    ("move-address", "Move a service to a new address", "移机服务", "The customer reports a move"),
    ("replace-device", "Replace a device", "设备更换", "The customer reports a broken device"),
]

SEGMENTS = ["Retail customers", "Small businesses", "Premium customers", "中小企业客户",
            "Public sector", "个人客户", "Key accounts", "New customers", "VIP, gold & platinum",
            '"Silver" members']

STAGES = [  # slug, English, Chinese, exit condition
    ("receive", "Receive the request", "受理请求", "The request is logged with a reference number"),
    ("identify", "Identify the customer", "识别客户", "The customer is identified and verified"),
    ("understand", "Understand the need", "了解需求", "The need is restated and confirmed"),
    ("assess", "Assess the case", "评估案件", "The case is assessed and prioritised"),
    ("diagnose", "Diagnose the cause", "诊断原因", "The root cause is known"),
    ("plan", "Plan the work", "制定方案", "A plan is agreed with the customer"),
    ("approve", "Approve", "审批", "The plan is approved"),
    ("schedule", "Schedule", "预约排期", "An appointment is booked"),
    ("fulfil", "Fulfil", "执行交付", "The work is done"),
    ("verify", "Verify the result", "结果核验", "The result is verified against the plan"),
    ("settle", "Bill and settle", "费用结算", "The charge or refund is settled"),
    ("confirm", "Confirm with the customer", "客户确认", "The customer confirms the outcome"),
    ("close", "Close the case", "结案", "The case is closed"),
    ("follow-up", "Follow up", "回访", "Feedback is recorded"),
]

EXTRA_ENTRY = ["The customer has given consent", "客户信息完整", "The service level clock has started",
               "A case owner is assigned", "The contract is active", "必要的资料已上传"]
EXTRA_EXIT = ["The customer is told what happens next", "工单状态已更新", "The case history is complete",
              "All open questions are answered", "The next team has accepted the hand-over"]

VALUE_ITEMS = [  # name, measure or None
    ("Customer is not kept waiting", "30-second answer rate >= 90%"),
    ("Customer trusts that we can solve the problem", None),
    ("Customer does not have to repeat the story", "repeat-contact rate < 5%"),
    ("客户无需重复说明问题", None),
    ("Problem solved at the first contact", "first-contact resolution >= 75%"),
    ("Customer knows what happens next", None),
    ("Customer gets a firm date", "appointments kept >= 95%"),
    ("投诉得到及时回应", "2小时内回复率 >= 95%"),
    ("Money back without a fight", "refunds paid within 5 days >= 98%"),
    ("Service works again", "repeat fault within 30 days < 3%"),
    ("Customer feels respected", "satisfaction score >= 4.5"),
    ("账单清楚明了", None),
    ("Order arrives complete", "complete deliveries >= 99%"),
    ("Customer can choose the time", None),
    ("客户感到被重视", "满意度 >= 90%"),
    ("No surprise charges", "billing disputes per 1000 bills < 2"),
    ("Status: always visible to the customer", "tracking page views per case >= 1"),
    ("Customer's time is respected", "average handling time <= 6 min"),
]

DURATIONS = ["30s", "2 min", "3 min", "15 min", "45m", "1h", "4h", "1.5d", "1d 12h", "2d", "1w"]
CHANNELS = ["phone", "app", "web", "门店", "email", "field visit", "chat", "微信"]
ATTRS = ["id", "name", "phone", "email", "address", "status", "created_at", "owner", "amount",
         "currency", "due_date", "channel", "priority", "history", "segment", "contract_id",
         "证件号码", "联系电话", "备注"]

CAP_L1 = [  # slug, English, Chinese
    ("customer-management", "Customer management", "客户管理"),
    ("service-delivery", "Service delivery", "服务交付"),
    ("case-handling", "Case handling", "工单处理"),
    ("billing", "Billing", "计费"),
    ("field-operations", "Field operations", "现场运维"),
    ("channel-management", "Channel management", "渠道管理"),
    ("risk-management", "Risk management", "风险管理"),
    ("order-management", "Order management", "订单管理"),
    ("knowledge-management", "Knowledge management", "知识管理"),
    ("workforce-management", "Workforce management", "人员管理"),
    ("partner-management", "Partner management", "合作伙伴管理"),
    ("data-management", "Data management", "数据管理"),
]
CAP_L2 = [
    ("contact-handling", "Contact handling", "接触管理"),
    ("identity", "Identity and access", "身份识别"),
    ("case-tracking", "Case tracking", "工单跟踪"),
    ("scheduling", "Scheduling", "排程"),
    ("payments", "Payments", "支付"),
    ("quality", "Quality assurance", "质量保证"),
    ("analytics", "Analytics", "分析"),
    ("documents", "Document handling", "文档处理"),
    ("dispatch", "Dispatch", "派单"),
    ("feedback", "Feedback", "客户反馈"),
]
CAP_L3 = [
    ("call-routing", "Call routing", "呼叫路由"),
    ("customer-identification", "Customer identification", "客户识别"),
    ("complaint-triage", "Complaint triage", "投诉分级"),
    ("sla-tracking", "Service level tracking", "时效监控"),
    ("appointment-booking", "Appointment booking", "预约管理"),
    ("payment-capture", "Payment capture", "收款"),
    ("refund-processing", "Refund processing", "退款处理"),
    ("fraud-screening", "Fraud screening", "欺诈筛查"),
    ("credit-check", "Credit check", "信用评估"),
    ("knowledge-search", "Knowledge search", "知识检索"),
    ("survey", "Customer survey", "满意度调查"),
    ("document-capture", "Document capture", "资料采集"),
    ("route-planning", "Route planning", "路线规划"),
    ("notification", "Notification", "消息通知"),
    ("recording", "Call recording", "录音质检"),
    ("reporting", "Reporting", "报表"),
]
IMPORTANCE = ["low", "medium", "high", "critical"]
ENABLEMENT = ["manual", "it-supported", "automated"]

PROC_VERBS = [("handle", "Handle", "处理"), ("register", "Register", "登记"), ("review", "Review", "审核"),
              ("dispatch", "Dispatch", "派发"), ("settle", "Settle", "结算"), ("verify", "Verify", "核验"),
              ("escalate", "Escalate", "升级"), ("close", "Close", "关闭"), ("book", "Book", "预约")]
PROC_NOUNS = [("call", "an inbound call", "来电"), ("complaint", "a complaint", "投诉"),
              ("order", "an order", "订单"), ("claim", "a claim", "理赔申请"), ("refund", "a refund", "退款"),
              ("visit", "a field visit", "上门服务"), ("invoice", "an invoice", "发票"),
              ("ticket", "a service ticket", "工单"), ("contract", "a contract", "合同"),
              ("device", "a device swap", "设备更换")]
STEP_NAMES = ["Route the call", "Identify the caller", "Record the request", "Check the contract",
              "Assign a case owner", "Call the customer back", "Update the case", "Book a slot",
              "Dispatch an engineer", "Confirm the result", "Close the ticket", "Send the survey",
              "核对客户身份", "登记工单", "分派处理人", "回访客户", "归档资料"]
INFO_NOUNS = [("contact-record", "Contact record", "联系记录"), ("case-file", "Case file", "工单档案"),
              ("order-form", "Order form", "订单表"), ("invoice-data", "Invoice data", "发票数据"),
              ("visit-report", "Visit report", "上门报告"), ("claim-form", "Claim form", "理赔单"),
              ("call-log", "Call log", "通话记录"), ("survey-result", "Survey result", "调查结果"),
              ("risk-score", "Risk score", "风险评分"), ("payment-advice", "Payment advice", "付款通知")]
BO_NOUNS = [("customer-profile", "Customer profile", "客户档案"), ("contract", "Contract", "合同"),
            ("service-order", "Service order", "服务订单"), ("case", "Case", "案件"),
            ("invoice", "Invoice", "发票"), ("payment", "Payment", "付款"), ("device", "Device", "设备"),
            ("appointment", "Appointment", "预约"), ("product", "Product", "产品"),
            ("site", "Site", "服务地址")]

SUBJ = ["The agent", "The customer", "The back office", "The service centre", "The field engineer",
        "The team lead", "The system", "The billing team", "The partner", "The quality team",
        "The duty manager", "The claims handler", "The case owner", "The dispatcher"]
VERB = ["checks", "records", "confirms", "updates", "reviews", "escalates", "validates", "assigns",
        "prioritises", "documents", "explains", "schedules", "approves", "closes", "monitors", "compares"]
OBJ = ["the request", "the customer record", "the open case", "the service level", "the order details",
       "the contract terms", "the billing history", "the fault report", "the appointment", "the payment",
       "the complaint", "the knowledge article", "the risk score", "the delivery slot", "the hand-over note"]
QUAL = ["before the next stage starts", "within the agreed time", "so that nothing is lost between teams",
        "and tells the customer what happens next", "using the standard checklist",
        "against the policy in force", "while the customer is still on the line",
        "at the first contact where possible", "and notes any exception for review",
        "in line with the regulator's guidance", "for every channel the same way", ""]
SUBJ_ZH = ["客服中心", "坐席", "客户", "后台团队", "现场工程师", "质检组", "系统", "值班经理", "理赔专员"]
VERB_ZH = ["核实", "记录", "确认", "更新", "审核", "升级", "分派", "跟进", "比对"]
OBJ_ZH = ["客户诉求", "工单", "服务等级", "订单信息", "合同条款", "账单记录", "故障报告", "预约时间", "投诉内容"]
QUAL_ZH = ["，并在两小时内回复客户", "，确保信息不在部门之间丢失", "，按标准流程执行",
           "，必要时升级至值班经理", "，并记录处理结果", ""]


# Sentences a description gets per unit of --verbosity; tuned so that the
# reference model (--streams 2000 --files 40) is about 16 MB.
DESC_SCALE = 0.66


class Text:
    """Pre-built sentence pools; descriptions are picked from them (fast)."""

    def __init__(self, rng, verbosity):
        self.rng = rng
        self.verbosity = verbosity
        en = []
        for _ in range(3000):
            q = rng.choice(QUAL) if rng.random() < 0.35 else ""
            en.append(f"{rng.choice(SUBJ)} {rng.choice(VERB)} {rng.choice(OBJ)}{' ' + q if q else ''}.")
        zh = []
        for _ in range(800):
            zh.append(f"{rng.choice(SUBJ_ZH)}{rng.choice(VERB_ZH)}{rng.choice(OBJ_ZH)}{rng.choice(QUAL_ZH)}。")
        self.en, self.zh = en, zh

    def desc(self, lo, hi, block_ok=True):
        """A description of lo..hi sentences (scaled by verbosity)."""
        rng = self.rng
        x = rng.randint(lo, hi) * self.verbosity * DESC_SCALE
        n = int(x)
        if rng.random() < x - n:  # probabilistic rounding keeps the size smooth in --verbosity
            n += 1
        n = max(1, n)
        pool = self.zh if rng.random() < 0.15 else self.en
        sents = [pool[int(rng.random() * len(pool))] for _ in range(n)]
        if block_ok and n >= 2 and rng.random() < 0.3:
            return Block("\n".join(sents))
        sep = "" if pool is self.zh else " "
        return sep.join(sents)


def pick(rng, seq, k):
    """k distinct elements (k capped at len)."""
    k = min(k, len(seq))
    return rng.sample(seq, k)


def refs(rng, ids, allow_single=True):
    """Refs list; occasionally the single-string form for a list of one."""
    if allow_single and len(ids) == 1 and rng.random() < 0.2:
        return One(ids[0])
    return Refs(ids)


# --------------------------------------------------------------------------
# Model building
# --------------------------------------------------------------------------


def build(args):
    rng = random.Random(f"vsm-gen-{args.seed}")
    T = Text(rng, args.verbosity)
    N = args.streams

    # stakeholders ----------------------------------------------------------
    R = max(1, round(N / 200))
    stakeholders = {}
    sh_by_region = []  # region -> role index -> id
    for r in range(R):
        slug, en, zh = REGIONS[r % len(REGIONS)]
        suffix = f"{slug}{r // len(REGIONS) + 1}" if r >= len(REGIONS) else slug
        row = []
        for (rslug, ren, rzh, rtype) in ROLES:
            sid = f"{rslug}-{suffix}"
            d = {"name": f"{ren} ({en})" if rng.random() < 0.7 else f"{rzh}（{zh}）", "type": rtype}
            if rng.random() < 0.8:
                d["description"] = T.desc(1, 2, block_ok=False)
            stakeholders[sid] = d
            row.append(sid)
        sh_by_region.append(row)

    def internal(r):
        return sh_by_region[r][rng.choice(INTERNAL)]

    # capabilities ----------------------------------------------------------
    L1 = N // 10 + 5
    capabilities = {}
    counters = {}

    def numbered(slug):
        n = counters.get(slug, 0) + 1
        counters[slug] = n
        return f"{slug}-{n}"

    leaves_by_l1 = []
    all_leaves = []
    for i in range(L1):
        s1, e1, z1 = CAP_L1[i % len(CAP_L1)]
        n1 = i // len(CAP_L1) + 1
        r = i % R
        c1 = f"{s1}-{n1}"
        capabilities[c1] = cap(rng, T, f"{e1} {n1}" if rng.random() < 0.75 else f"{z1}{n1}", None, 1, internal(r))
        leaves = []
        for s2, e2, z2 in pick(rng, CAP_L2, rng.randint(2, 5)):
            c2 = numbered(s2)
            capabilities[c2] = cap(rng, T, e2 if rng.random() < 0.75 else z2, c1, 2, internal(r))
            for s3, e3, z3 in pick(rng, CAP_L3, rng.randint(1, 4)):
                c3 = numbered(s3)
                capabilities[c3] = cap(rng, T, e3 if rng.random() < 0.75 else z3, c2, 3, internal(r))
                leaves.append(c3)
        leaves_by_l1.append(leaves)
        all_leaves.extend(leaves)

    # business objects, information -----------------------------------------
    B = max(3, N // 2)
    bos = {}
    bo_ids = []
    for i in range(B):
        s, e, z = BO_NOUNS[i % len(BO_NOUNS)]
        bid = f"{s}-{i // len(BO_NOUNS) + 1}"
        bo_ids.append(bid)
    for i, bid in enumerate(bo_ids):
        s, e, z = BO_NOUNS[i % len(BO_NOUNS)]
        d = {"name": e if rng.random() < 0.8 else z, "description": T.desc(1, 3)}
        d["attributes"] = pick(rng, ATTRS, rng.randint(3, 8))
        rel = [x for x in pick(rng, bo_ids, rng.randint(0, 2)) if x != bid]
        if rel:
            d["related"] = refs(rng, rel)
        bos[bid] = d

    I = max(3, 3 * N // 2)
    info = {}
    info_ids = []
    for i in range(I):
        s, e, z = INFO_NOUNS[i % len(INFO_NOUNS)]
        iid = f"{s}-{i // len(INFO_NOUNS) + 1}"
        info_ids.append(iid)
        info[iid] = {"name": e if rng.random() < 0.8 else z, "description": T.desc(1, 2),
                     "business_object": rng.choice(bo_ids)}

    # processes ---------------------------------------------------------------
    P = max(4, N)
    processes = {}
    proc_ids = []
    for i in range(P):
        v = PROC_VERBS[i % len(PROC_VERBS)]
        n = PROC_NOUNS[(i // len(PROC_VERBS)) % len(PROC_NOUNS)]
        k = i // (len(PROC_VERBS) * len(PROC_NOUNS)) + 1
        pid = f"{v[0]}-{n[0]}-{k}"
        proc_ids.append(pid)
        r = i % R
        pcaps = pick(rng, leaves_by_l1[i % L1], rng.randint(1, 3))
        pinfo = pick(rng, info_ids, rng.randint(0, 2))
        name = f"{v[1]} {n[1]}" if rng.random() < 0.8 else f"{v[2]}{n[2]}"
        d = {"name": name, "description": T.desc(1, 3), "owner": internal(r)}
        if pcaps:
            d["capabilities"] = refs(rng, pcaps)
        if pinfo:
            d["information"] = refs(rng, pinfo)
        steps = []
        flow = i % 3 == 0
        for j in range(rng.randint(3, 6)):
            st = {"name": rng.choice(STEP_NAMES), "owner": internal(r)}
            if pcaps and rng.random() < 0.4:
                st["capabilities"] = Refs(pick(rng, pcaps, 1))
            if pinfo and rng.random() < 0.3:
                st["information"] = Refs(pick(rng, pinfo, 1))
            if rng.random() < 0.25:
                st["automated"] = True
            steps.append(FlowMap(st) if flow else st)
        d["steps"] = steps
        processes[pid] = d

    # value streams -----------------------------------------------------------
    streams = {}
    stage_list = []  # (stream id, stage id, stage dict) in order
    cov = {"cap": 0, "proc": 0, "info": 0, "bo": 0}

    def next_cov(kind, seq):
        i = cov[kind]
        cov[kind] = i + 1
        return seq[i % len(seq)]

    for i in range(N):
        th = THEMES[i % len(THEMES)]
        r = i % R
        reg = REGIONS[r % len(REGIONS)]
        vid = f"{th[0]}-{i + 1:04d}"
        home = leaves_by_l1[i % L1]
        trigger = sh_by_region[r][TRIGGERS[i % 2]]
        vs = {"name": f"{th[1]} ({reg[1]})" if rng.random() < 0.75 else f"{th[2]}（{reg[2]}）",
              "description": T.desc(2, 5),
              "trigger": trigger,
              "value_proposition": T.desc(1, 1, block_ok=False)}
        if rng.random() < 0.6:
            vs["segment"] = rng.choice(SEGMENTS)
        if i % 17 == 0:
            vs["allow"] = Refs(["missing-description"])
        k = 5 + (i * 7 + i // 3) % 7  # 5..11, deterministic, mean 8
        idx = sorted(rng.sample(range(len(STAGES)), k))
        stages = {}
        prev_exit = th[3]
        sids = [STAGES[j][0] for j in idx]
        for n, j in enumerate(idx):
            slug, en, zh, ex = STAGES[j]
            st = {"name": en if rng.random() < 0.8 else zh}
            if rng.random() < 0.75:
                st["description"] = T.desc(1, 3)
            parts = [sh_by_region[r][x] for x in pick(rng, INTERNAL, rng.randint(1, 2))]
            if n == 0 or rng.random() < 0.4:
                parts.insert(0, trigger)
            if rng.random() < 0.1:
                parts.append(sh_by_region[r][rng.choice(PARTNER)])
            st["stakeholders"] = refs(rng, parts)
            entry = [prev_exit]
            if rng.random() < 0.2:
                entry.append(rng.choice(EXTRA_ENTRY))
            exitc = [ex]
            if rng.random() < 0.2:
                exitc.append(rng.choice(EXTRA_EXIT))
            # hand-written models mix `[a]` and block lists for short texts
            st["entry_conditions"] = Refs(entry) if len(entry) == 1 and rng.random() < 0.7 else entry
            st["exit_conditions"] = Refs(exitc) if len(exitc) == 1 and rng.random() < 0.7 else exitc
            prev_exit = ex
            scaps = [next_cov("cap", all_leaves)]
            for c in pick(rng, home, rng.randint(0, 1)):
                if c not in scaps:
                    scaps.append(c)
            items = []
            for _ in range(rng.randint(1, 3)):
                name, measure = VALUE_ITEMS[int(rng.random() * len(VALUE_ITEMS))]
                if rng.random() < 0.55:
                    items.append(name)
                else:
                    it = {"name": name}
                    if rng.random() < 0.1:
                        it["description"] = T.desc(1, 1, block_ok=False)
                    if measure:
                        it["measure"] = measure
                    it["capabilities"] = refs(rng, pick(rng, scaps, 1))
                    items.append(it)
            st["value_items"] = items
            st["capabilities"] = refs(rng, scaps)
            sp = [next_cov("proc", proc_ids)]
            if rng.random() < 0.3:
                p2 = rng.choice(proc_ids)
                if p2 not in sp:
                    sp.append(p2)
            st["processes"] = refs(rng, sp)
            if rng.random() < 0.6:
                st["information"] = refs(rng, [next_cov("info", info_ids)])
            if rng.random() < 0.4:
                st["business_objects"] = refs(rng, [next_cov("bo", bo_ids)])
            if rng.random() < 0.25:
                st["process_time"] = rng.choice(DURATIONS[:7])
            if rng.random() < 0.2:
                st["wait_time"] = rng.choice(DURATIONS)
            stages[slug] = st
            stage_list.append((vid, slug, st))
        # a fork now and then: stage 2 may go to 3 or straight to 4
        if k >= 6 and i % 5 == 0:
            stages[sids[2]]["next"] = Refs([sids[3], sids[4]])
        if i % 4 == 1:
            stages[sids[-1]]["next"] = Refs([])
        vs["stages"] = stages
        streams[vid] = vs

    # make sure every leaf, process, information and business object is used
    # by a stage (small models have fewer stages than elements)
    for kind, seq, field in (("cap", all_leaves, "capabilities"), ("proc", proc_ids, "processes"),
                             ("info", info_ids, "information"), ("bo", bo_ids, "business_objects")):
        j = 0
        for x in seq[cov[kind]:]:
            st = stage_list[j % len(stage_list)][2]
            j += 1
            cur = st.get(field)
            cur = [cur] if isinstance(cur, One) else list(cur or [])
            if x not in cur:
                cur.append(x)
            st[field] = Refs(cur)

    # commitments and perceptions --------------------------------------------
    BUDGETS = [  # parent target, composition, parts
        ("<= 2d", "sequential", ["<= 2h", "<= 4h", "<= 1.5d"]),
        ("<= 5d", "sequential", ["<= 1d", "<= 2d", "<= 1d 12h"]),
        ("< 4h", "sequential", ["<= 30 min", "<= 1h", "<= 2h"]),
        ("<= 1d", "parallel", ["<= 8h", "<= 20h", "<= 22h"]),
        ("<= 3min", "sequential", ["<= 30s", "<= 2 min"]),
        ("<= 1w", "parallel", ["<= 3d", "<= 5d"]),
    ]
    commitments = {}
    perceptions = {}
    for i, (vid, vs) in enumerate(streams.items()):
        r = i % R
        sids = list(vs["stages"].keys())
        p1 = f"{vid}-touch-1"
        pd = {"name": rng.choice(["Time on hold", "Clarity of the answer", "等待时长", "Keeping the promise",
                                  "Friendliness", "处理进度透明", "Getting it right first time"]),
              "stage": f"{vid}/{rng.choice(sids)}", "channel": rng.choice(CHANNELS),
              "importance": rng.randint(1, 5)}
        cur = round(rng.uniform(1.5, 4.5), 1)
        pd["current"] = cur
        pd["expected"] = round(min(5.0, cur + rng.uniform(0, 1.5)), 1)
        if i % 2 == 0:
            pd["focus"] = True
        perceptions[p1] = pd
        p2 = None
        if i % 3 == 0:
            p2 = f"{vid}-touch-2"
            cur = round(rng.uniform(1.0, 4.0), 1)
            perceptions[p2] = {"name": rng.choice(["Answer speed", "接通速度", "Reachability"]),
                               "stage": f"{vid}/{sids[0]}", "channel": "phone",
                               "importance": rng.randint(3, 5), "current": cur,
                               "expected": round(min(5.0, cur + 1.0), 1), "focus": i % 6 == 0}

        target, comp, parts = BUDGETS[i % len(BUDGETS)]
        top = f"{vid}-promise"
        part_ids = [f"{top}-{n + 1}" for n in range(len(parts))]
        cd = {"name": f"{vs['name']} within {target.split()[-1]}" if rng.random() < 0.8 else "服务承诺兑现",
              "target": target,
              "owner": internal(r), "stage": f"{vid}/{sids[-1]}", "perception": p1,
              "parts": Refs(part_ids)}
        if comp != "sequential" or rng.random() < 0.5:
            cd["composition"] = comp
        commitments[top] = cd
        for n, (pid, pt) in enumerate(zip(part_ids, parts)):
            sub = {"name": rng.choice(["Acknowledge", "Hand over", "Resolve", "Confirm", "确认受理", "完成处理"])
                   + f" ({n + 1})", "target": pt, "owner": internal(r)}
            if rng.random() < 0.5:
                sub["stage"] = f"{vid}/{sids[min(n + 1, len(sids) - 1)]}"
            commitments[pid] = sub
        if target == "<= 2d" and i % 4 == 0:
            # a third level: 1.5d = 36h > 12h + 20h
            last = part_ids[-1]
            commitments[last]["parts"] = Refs([f"{last}-a", f"{last}-b"])
            commitments[f"{last}-a"] = {"name": "Diagnose", "target": "<= 12h", "owner": internal(r)}
            commitments[f"{last}-b"] = {"name": "修复", "target": "<= 20h", "owner": internal(r)}
        if p2:
            commitments[f"{vid}-answer-rate"] = {
                "name": "Calls answered within 30 seconds", "target": ">= 90%",
                "owner": sh_by_region[r][3], "stage": f"{vid}/{sids[0]}", "perception": p2}

    model = {"name": f"Generated value-stream model ({N} streams, seed {args.seed})",
             "description": "Synthetic model for benchmarks: 客服中心、投诉处理 and friends.",
             "version": "1.0", "owner": "Customer service centre"}
    return {
        "model": model, "stakeholders": stakeholders, "value_streams": streams,
        "capabilities": capabilities, "processes": processes, "information": info,
        "business_objects": bos, "commitments": commitments, "perceptions": perceptions,
        "_stages": stage_list,
    }


def cap(rng, T, name, parent, level, owner):
    m = rng.randint(1, 5)
    d = {"name": name}
    if rng.random() < 0.85:
        d["description"] = T.desc(1, 3)
    if parent:
        d["parent"] = parent
    if rng.random() < 0.5:
        d["level"] = level
    d["maturity"] = m
    d["target_maturity"] = rng.randint(m, 5)
    d["importance"] = rng.choice(IMPORTANCE)
    d["owner"] = owner
    if level == 3 or rng.random() < 0.3:
        d["enablement"] = rng.choice(ENABLEMENT)
    return d


# --------------------------------------------------------------------------
# Defects
# --------------------------------------------------------------------------

TYPO_FIELDS = [("descripton", "description"), ("entry_condition", "entry_conditions"),
               ("exit_condtions", "exit_conditions"), ("capabilites", "capabilities"),
               ("proceses", "processes"), ("stakeholder", "stakeholders")]


def near_miss(rng, ident, taken):
    """A typo of ident that is not an existing id: drop, swap or double a letter."""
    letters = [i for i, ch in enumerate(ident) if ch.isalpha()]
    for _ in range(50):
        i = rng.choice(letters[:-1] or letters)
        op = rng.randint(0, 2)
        if op == 0:
            cand = ident[:i] + ident[i + 1:]
        elif op == 1 and i + 1 < len(ident) and ident[i + 1].isalpha() and ident[i] != ident[i + 1]:
            cand = ident[:i] + ident[i + 1] + ident[i] + ident[i + 2:]
        else:
            cand = ident[:i] + ident[i] + ident[i:]
        if cand and cand != ident and cand not in taken:
            return cand
    return ident + "x"


def plant(m, rate, seed):
    rng = random.Random(f"vsm-defects-{seed}")
    stages = m["_stages"]
    counts = {}

    def choose(n_total):
        n = int(round(rate * n_total))
        return sorted(rng.sample(range(n_total), min(n, n_total)))

    # stage without value items
    sel = choose(len(stages))
    for n, i in enumerate(sel):
        st = stages[i][2]
        if n % 2:
            del st["value_items"]
        else:
            st["value_items"] = []
    counts["VSM101 no-value-item"] = len(sel)

    # unresolved reference: an extra near-miss reference in a stage list
    taken = set()
    for sec in ("stakeholders", "capabilities", "processes", "information", "business_objects",
                "commitments", "perceptions", "value_streams"):
        taken.update(m[sec])
    sel = choose(len(stages))
    for n, i in enumerate(sel):
        st = stages[i][2]
        field = ("capabilities", "processes", "stakeholders")[n % 3]
        cur = st[field]
        cur = [cur] if isinstance(cur, One) else list(cur)
        bad = near_miss(rng, cur[0], taken)
        taken.add(bad)
        st[field] = Refs(cur + [bad])
    counts["VSM006 unresolved-reference"] = len(sel)

    # unknown field: a misspelt extra key next to the real one
    sel = choose(len(stages))
    for n, i in enumerate(sel):
        st = stages[i][2]
        typo, real = TYPO_FIELDS[n % len(TYPO_FIELDS)]
        val = st.get(real)
        if val is None or isinstance(val, Block):
            typo, val = "descripton", "Misspelt key; the linter should suggest `description`."
        st[typo] = val
    counts["VSM002 unknown-field"] = len(sel)

    # missing owners
    pids = list(m["processes"])
    sel = choose(len(pids))
    for i in sel:
        del m["processes"][pids[i]]["owner"]
    counts["VSM205 process-without-owner"] = len(sel)

    cids = list(m["commitments"])
    sel = choose(len(cids))
    for i in sel:
        del m["commitments"][cids[i]]["owner"]
    counts["VSM209 commitment-without-owner"] = len(sel)
    return counts


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

FIXED_FILES = ["stakeholders.yaml", "capabilities.yaml", "processes.yaml", "information.yaml",
               "business-objects.yaml", "commitments.yaml", "perceptions.yaml"]


def header(title, seed):
    return [f"# {title}\n", f"# Generated by scripts/gen_model.py (seed {seed}); vsm model format v1.\n"]


def section_text(key, d, title, seed):
    out = header(title, seed)
    out.append(key + ":\n")
    emit_map(out, d, 2)
    return "".join(out)


def write(path, text):
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def write_flat_stages(path, n):
    """One file of `n` stages written one per line, ten to a stream (see --flat-stages)."""
    out = header(f"{n} small stages in one file", 1)
    out.append("stakeholders:\n  customer: {name: Customer, type: external}\n"
               "  agent: {name: Agent, type: internal}\n")
    out.append("capabilities:\n")
    for c in range(10):
        out.append(f"  cap-{c}: {{name: Capability {c}, level: 1, owner: agent}}\n")
    out.append("value_streams:\n")
    streams = (n + 9) // 10
    for s in range(streams):
        out.append(f"  stream-{s:06d}:\n    name: Stream {s}\n    trigger: customer\n    stages:\n")
        for g in range(min(10, n - s * 10)):
            out.append(f"      s{s:06d}-{g}: {{name: Stage {g}, stakeholders: [customer], entry_conditions: [in], "
                       f"exit_conditions: [out], value_items: [v{g}], capabilities: [cap-{g}]}}\n")
        if len(out) > 100_000:
            with open(path, "a", encoding="utf-8") as f:
                f.write("".join(out))
            out.clear()
    with open(path, "a", encoding="utf-8") as f:
        f.write("".join(out))
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser(description="Generate a large, valid vsm model (format v1).")
    ap.add_argument("--streams", type=int, default=2000, help="value streams (default 2000)")
    ap.add_argument("--files", type=int, default=40, help="files the value streams are spread over (default 40)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--defects", type=float, default=0.0,
                    help="proportion of planted defects per kind, e.g. 0.05 (default 0: a clean model)")
    ap.add_argument("--verbosity", type=float, default=1.0,
                    help="scale the length of descriptions (default 1.0)")
    ap.add_argument("--out", required=True, help="output directory (created; must be empty unless --force)")
    ap.add_argument("--force", action="store_true",
                    help="write into a non-empty directory (replaces files this script writes)")
    ap.add_argument("--flat-stages", type=int, metavar="N",
                    help="write only OUT/stages.yaml: N small stages in one file, one per line")
    args = ap.parse_args()
    if args.flat_stages is not None:
        if args.flat_stages < 1:
            ap.error("--flat-stages must be at least 1")
        os.makedirs(args.out, exist_ok=True)
        path = os.path.join(args.out, "stages.yaml")
        if os.path.exists(path):
            if not args.force:
                ap.error(f"{path} exists (use --force to overwrite)")
            os.remove(path)
        size = write_flat_stages(path, args.flat_stages)
        print(f"wrote {path}: {args.flat_stages} stages, {size} bytes", file=sys.stderr)
        return
    if args.streams < 1 or args.files < 1:
        ap.error("--streams and --files must be at least 1")
    if not 0.0 <= args.defects <= 1.0:
        ap.error("--defects must be between 0 and 1")

    t0 = time.perf_counter()
    out = args.out
    if os.path.exists(out):
        if not os.path.isdir(out):
            ap.error(f"{out} exists and is not a directory")
        if os.listdir(out) and not args.force:
            ap.error(f"{out} is not empty (use --force to overwrite)")
    os.makedirs(os.path.join(out, "value-streams"), exist_ok=True)
    if args.force:  # remove what an earlier run wrote, so no stale stream files remain
        vdir = os.path.join(out, "value-streams")
        for f in os.listdir(vdir):
            if re.fullmatch(r"streams-\d+\.yaml", f):
                os.remove(os.path.join(vdir, f))
        for f in FIXED_FILES:
            p = os.path.join(out, f)
            if os.path.isfile(p):
                os.remove(p)

    m = build(args)
    if args.defects > 0:
        counts = plant(m, args.defects, args.seed)
        for k, v in counts.items():
            print(f"planted {k}: {v}", file=sys.stderr)
        print(f"planted total: {sum(counts.values())}", file=sys.stderr)

    total = 0
    nfiles = 0
    seed = args.seed
    # model + stakeholders: two documents in one file
    out_lines = header("Model and stakeholders", seed)
    out_lines.append("model:\n")
    emit_map(out_lines, m["model"], 2)
    out_lines.append("---\nstakeholders:\n")
    emit_map(out_lines, m["stakeholders"], 2)
    total += write(os.path.join(out, "stakeholders.yaml"), "".join(out_lines))
    nfiles += 1
    for key, fname, title in (("capabilities", "capabilities.yaml", "Capability map (3 levels)"),
                              ("processes", "processes.yaml", "End-to-end processes"),
                              ("information", "information.yaml", "Information"),
                              ("business_objects", "business-objects.yaml", "Business objects"),
                              ("commitments", "commitments.yaml", "Tiered service commitments"),
                              ("perceptions", "perceptions.yaml", "Customer perception points")):
        total += write(os.path.join(out, fname), section_text(key, m[key], title, seed))
        nfiles += 1

    streams = list(m["value_streams"].items())
    F = min(args.files, len(streams))
    width = max(2, len(str(F)))
    for f in range(F):
        lo = f * len(streams) // F
        hi = (f + 1) * len(streams) // F
        chunk = dict(streams[lo:hi])
        text = section_text("value_streams", chunk, f"Value streams, part {f + 1} of {F}", seed)
        total += write(os.path.join(out, "value-streams", f"streams-{f + 1:0{width}d}.yaml"), text)
        nfiles += 1

    dt = time.perf_counter() - t0
    n_stages = len(m["_stages"])
    print(f"wrote {total} bytes ({total / 1e6:.1f} MB) in {nfiles} files to {out} "
          f"[{len(streams)} streams, {n_stages} stages, {len(m['capabilities'])} capabilities, "
          f"{len(m['processes'])} processes, {len(m['information'])} information, "
          f"{len(m['business_objects'])} business objects, {len(m['commitments'])} commitments, "
          f"{len(m['perceptions'])} perceptions, {len(m['stakeholders'])} stakeholders] in {dt:.2f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
