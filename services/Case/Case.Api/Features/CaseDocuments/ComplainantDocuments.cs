using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Documents;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.CaseDocuments;

/// <summary>
/// Files a complainant without an account sends to their complaint, on the same proof as the progress check: the
/// reference and progress code, which intake alone can vouch for. They see what they sent and whether it was
/// accepted; they never download through this route, so the code cannot become a key to the case's files.
/// </summary>
public sealed class ComplainantDocuments(StatusSecretCheck secrets, CaseReads reads, CaseDocuments documents)
{
    /// <summary>The case of the complaint the pair proves, for the complainant to add a file to; 404 for any other pair.</summary>
    public async Task<DocumentTarget> TargetAsync(string? reference, string? secret, CancellationToken ct) =>
        new(await ProvenCaseAsync(reference, secret, ct), DocumentSource.Complainant, null);

    /// <summary>What the complainant sent, with what became of each file; 404 for a pair that proves nothing.</summary>
    public async Task<IReadOnlyList<DocumentView>> ListAsync(string? reference, string? secret, CancellationToken ct) =>
        await documents.ListFromComplainantAsync(await ProvenCaseAsync(reference, secret, ct), ct);

    private async Task<ComplaintCase> ProvenCaseAsync(string? reference, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(secret))
        {
            throw new RequestNotFoundException("No complaint has this reference and progress code.");
        }
        var proven = await secrets.ProveAsync(reference.Trim(), secret.Trim(), ct)
            ?? throw new RequestNotFoundException("No complaint has this reference and progress code.");
        var c = proven.CaseId is { } caseId
            ? await reads.FindHeaderAsync(caseId, ct)
            : await reads.FindLatestForComplaintAsync(proven.ComplaintId, ct);
        // The case opens moments after the complaint is received; until then there is nowhere to put the file.
        return c ?? throw new RequestStateException("Your complaint is still being recorded. Try again in a few minutes.");
    }
}
