using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>The organisation a complaint is made to and those it is about: known, open on the day, handling complaints.</summary>
public static partial class ComplaintValidator
{
    private static string? ReadOrganisation(FieldReader fields, string? code, DateOnly receivedOn, DirectorySnapshot? directory)
    {
        var organisationCode = code?.Trim().ToUpperInvariant() ?? "";
        if (organisationCode.Length == 0)
        {
            fields.Add("organisationCode", "Give the ODS code of the organisation the complaint is made to.");
            return null;
        }
        if (!OdsCode.IsValid(organisationCode))
        {
            fields.Add("organisationCode", "An ODS code is 3 to 9 letters and digits, such as RJ1 or A81001.");
            return null;
        }
        if (directory is null)
        {
            return organisationCode;
        }
        var organisation = directory.Find(organisationCode);
        if (organisation is null)
        {
            fields.Add("organisationCode", $"No organisation with ODS code {organisationCode} is known here.");
        }
        else if (!ComplaintRouting.HandlesComplaints(organisation))
        {
            fields.Add("organisationCode", $"{organisation.Name} is not an NHS body or provider that handles complaints here.");
        }
        else if (!organisation.IsOpenOn(receivedOn))
        {
            var successors = organisation.Successors.Count > 0 ? $" Its successors: {string.Join(", ", organisation.Successors)}." : "";
            fields.Add("organisationCode", $"{organisation.Name} did not exist on {receivedOn:yyyy-MM-dd}.{successors}");
        }
        return organisationCode;
    }

    private static List<string> ReadAbout(
        FieldReader fields, IReadOnlyList<string>? codes, string? recipient, DateOnly receivedOn, DirectorySnapshot? directory)
    {
        var about = new List<string>();
        if (codes is null)
        {
            return about;
        }
        if (codes.Count > ComplaintRouting.MaxOrganisations)
        {
            fields.Add("aboutOrganisationCodes", $"At most {ComplaintRouting.MaxOrganisations} organisations.");
            return about;
        }
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim().ToUpperInvariant() ?? "";
            var field = $"aboutOrganisationCodes[{i}]";
            if (!OdsCode.IsValid(code))
            {
                fields.Add(field, "An ODS code is 3 to 9 letters and digits.");
                continue;
            }
            if (directory?.Find(code) is { } organisation)
            {
                if (!organisation.IsProvider)
                {
                    fields.Add(field, $"{organisation.Name} is not a provider of NHS services.");
                    continue;
                }
                if (!organisation.IsOpenOn(receivedOn))
                {
                    fields.Add(field, $"{organisation.Name} did not exist on {receivedOn:yyyy-MM-dd}.");
                    continue;
                }
            }
            else if (directory is not null)
            {
                fields.Add(field, $"No organisation with ODS code {code} is known here.");
                continue;
            }
            if (code != recipient && !about.Contains(code))
            {
                about.Add(code);
            }
        }
        return about;
    }
}
