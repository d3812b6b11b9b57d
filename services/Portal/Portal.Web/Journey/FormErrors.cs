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
