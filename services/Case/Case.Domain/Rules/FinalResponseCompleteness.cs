using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Reg 14(2) and PHSO "Writing and communicating your final response" (domain.md §6): before a final response is
/// signed and sent it sets out the complaint and the outcome sought, how it was looked into, a finding with reasons
/// on every point (every issue of the investigation plan), an unconditional apology and what will change, by when,
/// where something went wrong, and, for a co-ordinated response, every contributing organisation's signed-off section
/// (Reg 9). The letter itself always says that it is the final response and how to go to the Ombudsman (Reg 14(2)(d)).
/// </summary>
public static class FinalResponseCompleteness
{
    // "Sorry you feel…" apologises for the complainant's reaction, not for what went wrong (PHSO: apologies are unconditional).
    private static readonly string[] ConditionalApologies = ["sorry you feel", "sorry that you feel", "sorry if", "regret that you felt", "sorry you felt", "sorry that you felt"];

    /// <summary>Records an error when the response would not go in writing (Reg 14: by post or e-mail).</summary>
    public static void CheckSentInWriting(ContactChannel? channel, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (channel is not (null or ContactChannel.Letter or ContactChannel.Email))
        {
            errors.Add(field, "A final response is a letter, sent by post (Letter) or e-mail (Email) (Reg 14: in writing).");
        }
    }

    /// <summary>Throws a validation error naming every missing or inadequate section.</summary>
    public static void EnsureComplete(ComplaintCase complaintCase)
    {
        var errors = Check(complaintCase);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
        }
    }

    /// <summary>The missing or inadequate sections, by field.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(ComplaintCase complaintCase)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        var errors = new List<(string, string)>();
        var draft = complaintCase.Draft;
        if (draft is null)
        {
            errors.Add(("draft", "There is no draft final response."));
            return errors;
        }
        if (string.IsNullOrWhiteSpace(draft.ComplaintSummary))
        {
            errors.Add(("complaintSummary", "Set out the complaint as you understood it."));
        }
        if (string.IsNullOrWhiteSpace(draft.OutcomesSought))
        {
            errors.Add(("outcomesSought", "Say what the complainant wanted to achieve."));
        }
        if (string.IsNullOrWhiteSpace(draft.Investigation))
        {
            errors.Add(("investigation", "Explain how the complaint was looked into and what evidence was considered."));
        }
        if (draft.Findings.Count == 0)
        {
            errors.Add(("findings", "Give a finding, with reasons, on each point of the complaint."));
        }
        for (var i = 0; i < draft.Findings.Count; i++)
        {
            var finding = draft.Findings[i];
            if (string.IsNullOrWhiteSpace(finding.Issue))
            {
                errors.Add(($"findings[{i}].issue", "Name the point this finding answers."));
            }
            if (string.IsNullOrWhiteSpace(finding.Conclusion))
            {
                errors.Add(($"findings[{i}].conclusion", "Say what was found."));
            }
            if (string.IsNullOrWhiteSpace(finding.Reasons))
            {
                errors.Add(($"findings[{i}].reasons", "Give the reasons for the finding, with reference to the evidence."));
            }
        }
        foreach (var issue in complaintCase.Plan?.Issues ?? [])
        {
            if (!draft.Findings.Any(f => string.Equals(f.Issue?.Trim(), issue.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(("findings", $"The response does not answer \"{issue}\", an issue of the investigation plan."));
            }
        }
        if (draft.Findings.Any(f => f.Upheld))
        {
            if (string.IsNullOrWhiteSpace(draft.Apology))
            {
                errors.Add(("apology", "Something went wrong: include a meaningful apology."));
            }
            else if (ConditionalApologies.Any(p => draft.Apology.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(("apology", "Apologise for what went wrong, not for how the complainant feels: an apology is unconditional."));
            }
            if (draft.Changes.Count == 0)
            {
                errors.Add(("changes", "Something went wrong: say what will change, and by when."));
            }
        }
        for (var i = 0; i < draft.Changes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(draft.Changes[i].Action))
            {
                errors.Add(($"changes[{i}].action", "Say what will change."));
            }
        }
        foreach (var contribution in complaintCase.Contributions.Where(c => c.SignedOffOn is null))
        {
            errors.Add(($"contributions.{contribution.OrganisationCode}", $"{contribution.OrganisationCode} has not signed off its part of the co-ordinated response (Reg 9)."));
        }
        return errors;
    }
}
