using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Journey;

/// <summary>
/// The errors a page shows: in the error summary at the top, each linking to its field, and beside the field. They
/// come from the API's field-level problem details, mapped from the API's field name to the page's input.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string InputId, string Message)> _errors = [];

    /// <summary>True when there is anything to show.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Every error, in the order of the page's fields.</summary>
    public IReadOnlyList<(string InputId, string Message)> All => _errors;

    /// <summary>The first message for an input, or null.</summary>
    public string? For(string inputId) => _errors.FirstOrDefault(e => e.InputId == inputId).Message;

    /// <summary>Adds a message for an input.</summary>
    public void Add(string inputId, string message) => _errors.Add((inputId, message));

    /// <summary>
    /// Asks for what a complainant without an account proves themselves with, on the pages that act on their complaint:
    /// its reference and progress code (inputs <c>reference</c> and <c>secret</c>).
    /// </summary>
    public void RequireReferenceAndCode(string? reference, string? secret)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            Add("reference", "Enter your complaint reference");
        }
        if (string.IsNullOrWhiteSpace(secret))
        {
            Add("secret", "Enter your progress code");
        }
    }

    /// <summary>
    /// Puts every message of the problem beside one input, as for a file the API refused (its messages may name the
    /// file's part or the whole body); <paramref name="fallback"/> when the problem gives none.
    /// </summary>
    public void AddAllTo(string inputId, ApiProblem problem, string fallback)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var before = _errors.Count;
        foreach (var message in problem.Errors.SelectMany(e => e.Value).Distinct())
        {
            Add(inputId, message);
        }
        if (_errors.Count == before)
        {
            Add(inputId, problem.Detail ?? problem.Title ?? fallback);
        }
    }

    /// <summary>What a wrong reference and progress code is told: only that nothing matched, as the API answers.</summary>
    public void NoComplaintMatches() => Add("reference", "No complaint matches this reference and progress code. Check both and try again.");

    /// <summary>
    /// Adds the problem's messages for the fields this page asks about (API field name → input id), in the page's
    /// order; messages about questions on other pages wait for those pages.
    /// </summary>
    public void AddFrom(ApiProblem problem, IReadOnlyList<(string ApiField, string InputId)> fields)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (apiField, inputId) in fields)
        {
            foreach (var (key, messages) in problem.Errors)
            {
                // The field itself, or an item of it (needs[2]); a field inside it (representation.basis) is asked
                // on its own page and named there.
                if (string.Equals(key, apiField, StringComparison.OrdinalIgnoreCase) || key.StartsWith(apiField + "[", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var message in messages)
                    {
                        if (For(inputId) != message)
                        {
                            Add(inputId, message);
                        }
                    }
                }
            }
        }
    }
}
