using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Api.Features.ListComplaints;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Nhs;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SearchComplaints;

/// <summary>
/// A search of the caller's organisation's complaints. Sent as a body, never in the address, because names, NHS numbers
/// and dates of birth are personal data and addresses are logged (ADR 24). Every member is optional, but at least one
/// must be given; all those given must match.
/// </summary>
/// <param name="Reference">The complaint's reference, any case, with or without the hyphen.</param>
/// <param name="Name">The complainant's or the patient's name: each word typed matches the start of a word of either name, accents and case aside.</param>
/// <param name="NhsNumber">The patient's NHS number: ten digits, spaces allowed, Modulus 11 checked.</param>
/// <param name="DateOfBirth">The patient's date of birth (the complainant's when they are the patient), <c>yyyy-MM-dd</c>.</param>
/// <param name="State">Open, or how it ended at intake.</param>
/// <param name="Route">How it was routed.</param>
/// <param name="Pending">True for those waiting for a decision at intake.</param>
public sealed record SearchComplaintsRequest(
    string? Reference = null, string? Name = null, string? NhsNumber = null, string? DateOfBirth = null, string? State = null, string? Route = null,
    bool? Pending = null);

/// <summary>A search read and checked: every value in the form the database holds it.</summary>
/// <param name="Reference">Canonical reference.</param>
/// <param name="NameWords">The words of the name typed, normalised.</param>
/// <param name="NhsNumber">Ten digits.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="State">State.</param>
/// <param name="Route">Route.</param>
/// <param name="PendingOnly">Only those waiting for a decision.</param>
public sealed record ComplaintSearch(
    string? Reference, IReadOnlyList<string> NameWords, string? NhsNumber, DateOnly? DateOfBirth, ComplaintState? State, ComplaintRoute? Route, bool PendingOnly)
{
    /// <summary>The members searched by, by their JSON names, for the audit trail (never their values).</summary>
    public IReadOnlyList<string> Fields =>
    [
        .. new (string Field, bool Given)[]
        {
            ("reference", Reference is not null), ("name", NameWords.Count > 0), ("nhsNumber", NhsNumber is not null),
            ("dateOfBirth", DateOfBirth is not null), ("state", State is not null), ("route", Route is not null), ("pending", PendingOnly),
        }.Where(f => f.Given).Select(f => f.Field),
    ];
}

/// <summary>
/// Finds the complaints of the caller's organisation (made to it or handled by it) by reference, name, NHS number,
/// date of birth, state and route, newest first, at most <see cref="ListComplaintsHandler.PageSize"/>. Staff of the
/// organisation only; other organisations' complaints are never found. Audited as a read of every complaint found,
/// and as a search naming the fields searched and how many were found.
/// </summary>
public sealed class SearchComplaintsHandler(ComplaintQueries queries, ComplaintListAudit audit, TimeProvider time)
{
    /// <summary>Most words of a name searched by.</summary>
    public const int MaxNameWords = 6;

    /// <summary>The complaints matching every criterion given.</summary>
    public async Task<IReadOnlyList<ComplaintSummary>> SearchAsync(Caller caller, SearchComplaintsRequest? request, CancellationToken ct)
    {
        var organisation = ListComplaintsHandler.OrganisationOf(caller);
        var search = Read(request ?? throw new RequestValidationException("body", "Send the search as a JSON object."), LondonTime.Today(time));
        var found = await queries.SearchAsync(organisation, search, ListComplaintsHandler.PageSize, ct);
        var summaries = found.Select(ListComplaintsHandler.Summarise).ToList();
        await audit.RecordSearchAsync(found, organisation, search.Fields, ct);
        return summaries;
    }

    /// <summary>Checks every member, reporting each bad one by name; nothing given is an error too.</summary>
    public static ComplaintSearch Read(SearchComplaintsRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        string? reference = null;
        if (!string.IsNullOrWhiteSpace(request.Reference) && (reference = ComplaintReference.Normalise(request.Reference)) is null)
        {
            fields.Add("reference", "This is not a complaint reference: it has eight letters and digits, such as K3QX-9HF7.");
        }
        IReadOnlyList<string> words = [];
        if (fields.Line(request.Name, "name", TextLimits.Name) is { } name)
        {
            words = NameWords.Of(name);
            if (words.Count == 0)
            {
                fields.Add("name", "Type at least one letter of the complainant's or the patient's name.");
            }
            else if (words.Count > MaxNameWords)
            {
                fields.Add("name", $"Type at most {MaxNameWords} words of the name.");
            }
        }
        string? nhsNumber = null;
        if (!string.IsNullOrWhiteSpace(request.NhsNumber) && (nhsNumber = NhsNumber.Normalise(request.NhsNumber)) is null)
        {
            // domain.md §7: ten digits whose last is the Modulus 11 check digit of the first nine.
            fields.Add("nhsNumber", "This is not a valid NHS number: it has 10 digits and the last one is a check digit.");
        }
        var dateOfBirth = fields.Date(request.DateOfBirth, "dateOfBirth", DateRules.EarliestBirth, today);
        var state = fields.Enum<ComplaintState>(request.State, "state");
        var route = fields.Enum<ComplaintRoute>(request.Route, "route");
        var pending = request.Pending == true;
        if (fields.Errors.IsEmpty && reference is null && words.Count == 0 && nhsNumber is null && dateOfBirth is null && state is null && route is null && !pending)
        {
            fields.Add("body", "Search by at least one of reference, name, nhsNumber, dateOfBirth, state, route or pending.");
        }
        fields.ThrowIfAny();
        return new ComplaintSearch(reference, words, nhsNumber, dateOfBirth, state, route, pending);
    }
}
