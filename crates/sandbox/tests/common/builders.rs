//! Request builders shared by the tests.

use sandbox::Sandbox;
use sobot::crm::{CrmStatus, CustomerInput};
use sobot::ticket::{
    AgentReply, AgentTicket, CustomerTicket, ReplyVisibility, TicketLevel, TicketSource,
    TicketStatus,
};

use super::{agent, company, plain_leaf};

/// A customer ticket from a new customer (matched by e-mail).
pub fn customer_ticket(companyid: &str, typeid: &str) -> CustomerTicket {
    CustomerTicket {
        companyid: companyid.into(),
        ticket_title: "无法登录账户".into(),
        ticket_content: "<p>登录时提示密码错误</p>".into(),
        ticket_typeid: typeid.into(),
        ticket_from: TicketSource::DesktopWeb,
        userid: None,
        partnerid: None,
        user_emails: Some("new.customer@example.com".into()),
        user_tels: None,
        file_str: None,
        extend_fields: vec![],
        first_contact_type: None,
        first_contact_info: None,
    }
}

/// An agent ticket assigned to agent 0.
pub fn agent_ticket(sandbox: &Sandbox) -> AgentTicket {
    let (agent_id, agent_name, group_id) = agent(sandbox, 0);
    AgentTicket {
        companyid: company(sandbox),
        ticket_title: "Refund request".into(),
        ticket_content: "<p>Order ORD-1 arrived broken</p>".into(),
        ticket_from: TicketSource::TicketCenter,
        create_agentid: agent_id.clone(),
        create_agent_name: agent_name.clone(),
        ticket_status: TicketStatus::Processing,
        ticket_level: TicketLevel::High,
        ticket_typeid: plain_leaf(sandbox),
        userid: None,
        deal_groupid: Some(group_id),
        deal_group_name: None,
        deal_agentid: Some(agent_id),
        deal_agent_name: Some(agent_name),
        recordid: None,
        file_str: None,
        copy_agent: vec![],
        extend_fields: vec![],
        first_contact_type: None,
        first_contact_info: None,
    }
}

/// A public agent reply by agent 1 resolving the ticket.
pub fn reply_for(sandbox: &Sandbox, ticketid: &str) -> AgentReply {
    let (agent_id, agent_name, _) = agent(sandbox, 1);
    AgentReply {
        ticketid: ticketid.into(),
        ticket_title: "Refund request".into(),
        ticket_content: "<p>Order ORD-1 arrived broken</p>".into(),
        read_at: None,
        reply_type: ReplyVisibility::Public,
        reply_agentid: agent_id,
        reply_agent_name: agent_name,
        ticket_status: TicketStatus::Resolved,
        ticket_level: TicketLevel::High,
        reply_content: Some("Refunded, sorry for the trouble.".into()),
        deal_groupid: None,
        deal_group_name: None,
        deal_agentid: None,
        deal_agent_name: None,
        reply_file_str: None,
        copy_agent: vec![],
        extend_fields: vec![],
    }
}

/// A new first-inquiry customer in Shenzhen.
pub fn new_customer(nick: &str, tel: &str) -> CustomerInput {
    CustomerInput {
        nick: nick.into(),
        uname: Some("张伟".into()),
        tel: Some(tel.into()),
        crm_status: Some(CrmStatus::FirstInquiry),
        proviceid: Some("440000".into()),
        cityid: Some("440300".into()),
        ..CustomerInput::default()
    }
}
