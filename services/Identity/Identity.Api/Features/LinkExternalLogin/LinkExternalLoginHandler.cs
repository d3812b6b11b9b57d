using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.ListAccounts;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features.LinkExternalLogin;

/// <summary>The subject a staff provider gives the person (their <c>sub</c> in its ID tokens).</summary>
/// <param name="Subject">The subject.</param>
public sealed record ExternalLoginRequest(string? Subject);

/// <summary>
/// Links a user to their subject at a staff provider (NHS CIS2), or removes the link: how a platform administrator
/// lets a member of staff sign in there (ADR 20). Public providers link on first sign-in only. Changes are audited.
/// </summary>
public sealed class LinkExternalLoginHandler(AccountStore accounts, ExternalProviders providers, IAuditTrail audit, TimeProvider time)
{
    /// <summary>The user as they are now, or <c>null</c> when the user or the staff provider does not exist; 400 for a bad subject, 409 when it is another user's.</summary>
    public async Task<UserView?> LinkAsync(Guid userId, string providerId, ExternalLoginRequest request, CancellationToken ct)
    {
        var reader = new FieldReader();
        var subject = reader.Line(request.Subject, "subject", TextLimits.ExternalSubject, "Give the subject (sub) the provider gives this person.");
        reader.ThrowIfAny();
        if (StaffProvider(providerId) is not { } provider || await accounts.FindUserAsync(userId, ct) is not { } user)
        {
            return null;
        }
        if (await accounts.FindLinkedUserAsync(provider.Id, subject!, ct) is { } holder && holder.Id != user.Id)
        {
            throw new RequestConflictException("That subject is linked to another user.");
        }
        user.LinkExternal(provider.Id, subject!, ExternalLinkMethod.Administrator, time.GetUtcNow());
        audit.Record(AuditAction.Update, PasswordCheck.AuditedResource, user.Id.ToString(), resourceOrganisation: null);
        // Linked to someone else in the meantime: the unique subject refuses the second link.
        return await accounts.TrySaveAsync(ct) ? UserView.Of(user) : throw new RequestConflictException("That subject is linked to another user.");
    }

    /// <summary>Removes the link; false when the user, the provider or the link does not exist.</summary>
    public async Task<bool> UnlinkAsync(Guid userId, string providerId, CancellationToken ct)
    {
        if (providers.Find(ExternalProviderSettings.IdOf(providerId)) is not { } provider
            || await accounts.FindUserAsync(userId, ct) is not { } user || !user.UnlinkExternal(provider.Id))
        {
            return false;
        }
        audit.Record(AuditAction.Update, PasswordCheck.AuditedResource, user.Id.ToString(), resourceOrganisation: null);
        await accounts.SaveAsync(ct);
        return true;
    }

    private ExternalProvider? StaffProvider(string providerId) =>
        providers.Find(ExternalProviderSettings.IdOf(providerId)) is { Settings.Audience: ExternalAudience.Staff } provider ? provider : null;
}
