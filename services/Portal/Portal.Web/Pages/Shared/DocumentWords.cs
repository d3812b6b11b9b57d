using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Pages.Shared;

/// <summary>Files on a case in words people read: their size, where the virus check stands, and the API's refusal beside the file field.</summary>
public static class DocumentWords
{
    /// <summary>What the uploader is told the platform takes.</summary>
    public const string Hint = "A PDF, a photo (JPEG, PNG or HEIC), a text file, or a Word or OpenDocument text document, smaller than 10MB.";

    /// <summary>Largest form the upload pages take: one file of the largest size allowed and the form around it.</summary>
    public const long UploadLimit = (10 * 1024 * 1024) + (64 * 1024);

    /// <summary>A size as people say it.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)}KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024d):0.#}MB");

    /// <summary>Where the virus check stands, for a tag; <c>null</c> once the file is clean.</summary>
    public static (string Text, string Colour)? Scan(CaseDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Scan switch
        {
            "Pending" => ("Being checked for viruses", "nhsuk-tag--yellow"),
            "Quarantined" => ("Virus found: not opened", "nhsuk-tag--red"),
            _ => null,
        };
    }

    /// <summary>The API's refusal of a file, beside the file field.</summary>
    public static void Refused(FormErrors errors, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var message in problem.Errors.SelectMany(e => e.Value).Distinct())
        {
            errors.Add("file", message);
        }
        if (!errors.Any)
        {
            errors.Add("file", problem.Detail ?? problem.Title ?? "The file could not be sent. Try again.");
        }
    }
}
