using Grpc.Core;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Reporting.Api.Features;

/// <summary>An organisation's name as intake's organisation directory gives it, for a document's title.</summary>
public sealed class OrganisationNames(OrganisationDirectoryService.OrganisationDirectoryServiceClient directory)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The name, or <c>null</c> for an organisation the directory no longer lists (still reported on, by its code alone).</summary>
    public async Task<string?> NameOfAsync(string code, CancellationToken ct)
    {
        try
        {
            var found = await directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = code }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            return string.IsNullOrWhiteSpace(found.Organisation?.Name) ? null : found.Organisation.Name;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>"Name (CODE)", or the code alone.</summary>
    public async Task<string> LabelAsync(string code, CancellationToken ct) => await NameOfAsync(code, ct) is { } name ? $"{name} ({code})" : code;
}
