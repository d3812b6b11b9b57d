namespace IcsComplaints.Correspondence.Domain.Rules;

/// <summary>
/// Reg 13(2)–(3), 13(7)–(8) and 14; Complaint Standards (domain.md §1.6, MCHP: keep the complainant informed): the
/// complaints team is warned before each of a case's deadlines and told when one is missed, with what the
/// Regulations then ask of it. A missed acknowledgement is still owed; a missed response date or update is put right
/// by telling the complainant and agreeing a new date; a missed six-month backstop owes the complainant a letter
/// explaining why there is no response yet.
/// </summary>
public static class DeadlineNotices
{
    /// <summary>The deadlines case announces, by the names its events use.</summary>
    public static readonly IReadOnlyList<string> Deadlines = ["Acknowledgement", "EarlyResolution", "Response", "Update", "Backstop"];

    /// <summary>The deadline as the notice names it, such as "six-month backstop"; an unknown name is kept as it is.</summary>
    public static string Name(string deadline) => deadline switch
    {
        "Acknowledgement" => "acknowledgement",
        "EarlyResolution" => "early resolution",
        "Response" => "response",
        "Update" => "update",
        "Backstop" => "six-month backstop",
        _ => deadline,
    };

    /// <summary>What the team should do before the deadline passes.</summary>
    public static string BeforeIt(string deadline) => deadline switch
    {
        "Acknowledgement" => "Acknowledge the complaint and offer to discuss how it will be handled (Reg 13(2)-(3)).",
        "EarlyResolution" => "Resolve it early or move it to a closer look, and tell the complainant which.",
        "Response" => "Send the response, or agree a new date with the complainant and say why (Reg 13(7)-(8)).",
        "Update" => "Update the complainant on progress, as agreed with them.",
        "Backstop" => "Send the response, or write to the complainant explaining why there is none yet (Reg 14).",
        _ => "Open the case to see what is still to do.",
    };

    /// <summary>What the team owes once the deadline has passed.</summary>
    public static string AfterIt(string deadline) => deadline switch
    {
        "Acknowledgement" => "The complaint must still be acknowledged, with the offer to discuss how it will be handled (Reg 13(2)-(3)).",
        "Response" => "Tell the complainant, explain the delay and agree a new date with them (Reg 13(7)-(8)).",
        "Update" => "Update the complainant now and check the agreed frequency still suits them.",
        "Backstop" => "The complainant is owed a letter explaining why there is no response yet (Reg 14).",
        _ => "Open the case to put it right and tell the complainant what is happening.",
    };
}
