//! Bilingual ticket texts for the Udesk tenant: subjects, descriptions and replies of a
//! consumer-electronics shop's support desk.

/// A ticket topic: Chinese subject and description, English subject and description, and the
/// tags that go with it.
pub struct Topic {
    /// Chinese subject.
    pub zh_subject: &'static str,
    /// Chinese description.
    pub zh_content: &'static str,
    /// English subject.
    pub en_subject: &'static str,
    /// English description.
    pub en_content: &'static str,
    /// Tags.
    pub tags: &'static [&'static str],
}

/// The topics tickets are drawn from.
pub const TOPICS: &[Topic] = &[
    Topic {
        zh_subject: "订单迟迟未发货",
        zh_content: "我在{day}下的订单{order}到现在还没有发货，请帮忙查一下物流情况。",
        en_subject: "Order not shipped yet",
        en_content: "I placed order {order} on {day} and it still has not shipped. Could you check the status?",
        tags: &["物流", "shipping"],
    },
    Topic {
        zh_subject: "收到的耳机有杂音",
        zh_content: "新买的降噪耳机左耳有明显的电流声，订单号{order}，希望换货。",
        en_subject: "Headphones make a buzzing noise",
        en_content: "The left ear of my new noise-cancelling headphones buzzes. Order {order}; I would like a replacement.",
        tags: &["售后", "after-sales"],
    },
    Topic {
        zh_subject: "申请退款",
        zh_content: "订单{order}的商品尺寸不合适，已经寄回，请尽快处理退款。",
        en_subject: "Refund request",
        en_content: "The item from order {order} did not fit and I have sent it back. Please process my refund.",
        tags: &["退款", "refund"],
    },
    Topic {
        zh_subject: "发票抬头填写错误",
        zh_content: "订单{order}的电子发票抬头写错了，需要重新开具增值税普通发票。",
        en_subject: "Wrong company name on the invoice",
        en_content: "The invoice for order {order} has the wrong company name. Please issue a corrected one.",
        tags: &["发票", "invoice"],
    },
    Topic {
        zh_subject: "无法登录会员账户",
        zh_content: "手机号登录一直提示验证码错误，已经试了很多次。",
        en_subject: "Cannot log in to my account",
        en_content: "Logging in with my phone number keeps saying the verification code is wrong.",
        tags: &["账户", "account"],
    },
    Topic {
        zh_subject: "智能手表无法同步数据",
        zh_content: "手表升级固件后，App里看不到运动数据了，重新配对也不行。",
        en_subject: "Smartwatch does not sync",
        en_content: "Since the firmware update my watch no longer syncs workouts to the app, even after re-pairing.",
        tags: &["技术支持", "tech-support"],
    },
    Topic {
        zh_subject: "优惠券无法使用",
        zh_content: "双十一领的满减券在结算页显示不可用，订单金额已经满足条件。",
        en_subject: "Coupon cannot be applied",
        en_content: "My discount coupon shows as unavailable at checkout although the order meets the minimum.",
        tags: &["促销", "promotion"],
    },
    Topic {
        zh_subject: "快递显示已签收但没收到",
        zh_content: "物流信息显示{day}已签收，但我和家人都没有收到包裹，订单{order}。",
        en_subject: "Parcel marked delivered but not received",
        en_content: "Tracking says order {order} was delivered on {day}, but nobody here received it.",
        tags: &["物流", "shipping"],
    },
    Topic {
        zh_subject: "咨询企业批量采购",
        zh_content: "我们公司想采购200台平板用于培训，请问有没有企业报价和开票服务？",
        en_subject: "Bulk purchase for our company",
        en_content: "We would like to buy 200 tablets for training. Do you offer business pricing and invoicing?",
        tags: &["售前", "pre-sales"],
    },
    Topic {
        zh_subject: "充电器发热严重",
        zh_content: "原装快充充电器使用十分钟就很烫，担心安全问题，订单{order}。",
        en_subject: "Charger gets very hot",
        en_content: "The original fast charger gets very hot after ten minutes. I am worried about safety. Order {order}.",
        tags: &["质量", "quality"],
    },
    Topic {
        zh_subject: "修改收货地址",
        zh_content: "订单{order}还没发货，想把收货地址改成公司地址。",
        en_subject: "Change the delivery address",
        en_content: "Order {order} has not shipped yet; please change the delivery address to my office.",
        tags: &["订单", "order"],
    },
    Topic {
        zh_subject: "保修期内维修进度",
        zh_content: "笔记本{day}寄修，到现在还没有维修进度更新。",
        en_subject: "Warranty repair status",
        en_content: "I sent my laptop for warranty repair on {day} and have had no update since.",
        tags: &["售后", "after-sales"],
    },
];

/// Agent replies, Chinese and English.
pub const AGENT_REPLIES: &[(&str, &str)] = &[
    (
        "您好，已经收到您的反馈，我们正在核实，请耐心等待。",
        "Hello, we have received your message and are looking into it.",
    ),
    (
        "已为您加急处理，预计24小时内给您答复。",
        "We have escalated this and will get back to you within 24 hours.",
    ),
    (
        "麻烦提供一下订单截图和商品照片，方便我们进一步处理。",
        "Could you send a screenshot of the order and photos of the item?",
    ),
    (
        "已经为您安排换货，新的商品会在三个工作日内发出。",
        "A replacement has been arranged and will ship within three working days.",
    ),
    (
        "退款已原路退回，预计1-3个工作日到账。",
        "The refund has been issued to your original payment method; allow 1-3 working days.",
    ),
    (
        "问题已经解决，如有其他疑问欢迎随时联系我们。",
        "This should be resolved now. Let us know if anything else comes up.",
    ),
];

/// Customer follow-ups, Chinese and English.
pub const CUSTOMER_REPLIES: &[(&str, &str)] = &[
    ("好的，谢谢！", "OK, thank you!"),
    ("请问现在处理到哪一步了？", "Any update on this?"),
    ("照片已经上传，请查收。", "I have uploaded the photos."),
    (
        "问题还是没有解决，麻烦再看看。",
        "The problem is still there, please check again.",
    ),
];

/// Internal notes, Chinese and English.
pub const INTERNAL_NOTES: &[(&str, &str)] = &[
    ("已联系仓库核实库存。", "Checked stock with the warehouse."),
    (
        "需要质检部门确认。",
        "Needs confirmation from quality control.",
    ),
    ("客户为VIP，优先处理。", "VIP customer, handle first."),
];

/// Fills `{order}` and `{day}` in a template.
pub fn fill(template: &str, order: &str, day: &str) -> String {
    template.replace("{order}", order).replace("{day}", day)
}
