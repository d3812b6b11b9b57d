using System.Text.Json;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// The one page for every lifecycle step of a case, drawn from its row of <see cref="CaseSteps"/>: the fields, the
/// call, and the API's field errors beside the fields. On success it goes back to the case with a banner.
/// </summary>
public sealed class StepModel(CaseApis apis) : PageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    [FromRoute(Name = "step")]
    public string Slug { get; set; } = "";

    [FromRoute]
    public string? Item { get; set; }

    public CaseStep Step { get; private set; } = null!;

    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<StepField> Fields { get; private set; } = [];

    /// <summary>The options of each field, by input id.</summary>
    public Dictionary<string, IReadOnlyList<Choice>> Options { get; } = [];

    public StepForm Form { get; private set; } = new([]);

    public FormErrors Errors { get; } = new();

    private readonly Dictionary<string, IReadOnlyList<StaffMember>> _directory = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Step.Prefill is { } prefill)
        {
            Form.Fill(prefill(Case, Item));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Form.Read(Request.Form);
        var body = Form.Body(_directory, Errors);
        if (Errors.Any)
        {
            return Page();
        }
        if (Step.CaseIdInBody)
        {
            body["caseId"] = CaseId.ToString();
        }
        var taken = await apis.StepAsync(new HttpMethod(Step.Method), Step.PathFor(Case, Item), body, ct);
        if (taken.Problem is { } problem)
        {
            if (problem.Status is 401 or 403 && problem.Errors.Count == 0)
            {
                Errors.Add(Fields.Count > 0 ? Fields[0].Id : "maincontent", problem.Detail ?? "Your role does not allow this step.");
                return Page();
            }
            Form.ShowProblem(problem, Errors, "maincontent");
            return Page();
        }
        return Redirect($"/staff/cases/{CaseId}?done={Uri.EscapeDataString(Step.Slug)}");
    }

    /// <summary>The step, the case (404 when it is not the user's organisation's) and the options of the fields.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (CaseSteps.Find(Slug) is not { } step || step.PerItem != (Item is not null))
        {
            return NotFound();
        }
        Step = step;
        var detail = await apis.DetailAsync(CaseId, ct);
        if (detail.Value is not { } found)
        {
            return NotFound();
        }
        Case = found;
        Fields = step.Fields;
        if (step.Slug == "hcat-complaint")
        {
            var scheme = await apis.HcatSchemeAsync(ct);
            Fields = scheme.Value is { } hcat ? CaseSteps.HcatFields(hcat) : [];
        }
        JsonElement? ko41 = null;
        foreach (var field in Fields)
        {
            if (field.Kind == FieldKind.Person)
            {
                var role = field.Role ?? "";
                if (!_directory.TryGetValue(role, out var people))
                {
                    people = (await apis.StaffAsync(role, ct)).Value?.Items ?? [];
                    _directory[role] = people;
                }
                Options[field.Id] = [.. people.Select(p => new Choice(p.SubjectId, p.DisplayName))];
            }
            else if (field.Source?.StartsWith("ko41:", StringComparison.Ordinal) == true)
            {
                ko41 ??= (await apis.Ko41SchemeAsync(ct)).Value;
                Options[field.Id] = Ko41Options(ko41, field.Source["ko41:".Length..]);
            }
            else
            {
                Options[field.Id] = field.Options;
            }
        }
        Form = new StepForm(Fields);
        return null;
    }

    // The code list of one KO41 field: { code, label } items under the field's name.
    private static List<Choice> Ko41Options(JsonElement? scheme, string field)
    {
        if (scheme is not { ValueKind: JsonValueKind.Object } root)
        {
            return [];
        }
        var list = root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value;
        if (list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. list.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
            ? new Choice(item.GetString()!, item.GetString()!)
            : new Choice(Text(item, "code"), Text(item, "label") is { Length: > 0 } label ? label : Text(item, "code")))];
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
