using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ShareTheme;

/// <summary>Sharing a theme's learning.</summary>
/// <param name="Message">The learning, for the providers (no personal data).</param>
/// <param name="OrganisationCodes">Providers to share with; all the ICB's providers when empty.</param>
public sealed record ShareRequest(string? Message, List<string>? OrganisationCodes);

/// <summary>The ICB shares what it learned from a theme with its providers.</summary>
public sealed class ShareThemeHandler(ThemeStore themes, IOutbox outbox, Commissioning commissioning, TimeProvider time)
{
    /// <summary>The ICB shares what it learned with its providers (all of them unless it names some).</summary>
    public async Task<ThemeView> HandleAsync(Caller caller, Guid id, ShareRequest? input, CancellationToken ct)
    {
        var theme = await themes.FindAsync(id, ct);
        if (theme is null || !ThemeSupport.MaySee(caller, theme))
        {
            throw new RequestNotFoundException();
        }
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("The ICB shares its themes.");
        }
        var providers = await commissioning.ProvidersOfAsync(theme.IcbCode, ct);
        var reader = new FieldReader();
        var message = reader.Text(input?.Message, "message", 4_000, "Write the learning to share.");
        if (PublicText.PersonalDataIn(message) is { } found)
        {
            reader.Add("message", $"Shared learning must not identify anyone: remove the {found}.");
        }
        var targets = input?.OrganisationCodes is { Count: > 0 } named
            ? named.Select(c => c?.Trim().ToUpperInvariant() ?? "").ToList()
            : [.. providers.Order(StringComparer.Ordinal)];
        foreach (var (code, i) in targets.Select((c, i) => (c, i)).Where(x => !providers.Contains(x.c)))
        {
            // The code is named back only when it is one (a code of letters and digits): never echo arbitrary input.
            reader.Add($"organisationCodes[{i}]", code.Length is > 0 and <= 12 && code.All(char.IsAsciiLetterOrDigit)
                ? $"{code} is not a provider your ICB commissions."
                : "Give the ODS code of a provider your ICB commissions.");
        }
        reader.ThrowIfAny();
        var today = LondonTime.Today(time);
        var added = theme.Share(message!, targets, today);
        outbox.Publish(new ThemeShared { ThemeId = theme.Id, IcbCode = theme.IcbCode, OrganisationCodes = added, SharedOn = today });
        await themes.SaveAsync(ct);
        return ThemeSupport.View(caller, theme);
    }
}
