using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Reg 14(2)(a): the final response is signed by the responsible person (Reg 4) or a delegate they name on the case,
/// and the signature covers the draft as it last changed; a change after signing needs a new signature.
/// </summary>
public static class ResponseSigning
{
    /// <summary>
    /// Who may sign: the organisation's responsible person, or the case's named delegate. Returns the responsible
    /// person's name when the delegate signs (printed "for and on behalf of"), <c>null</c> when the responsible
    /// person signs; refuses anyone else.
    /// </summary>
    /// <param name="complaintCase">The case.</param>
    /// <param name="subjectId">The signer's token subject.</param>
    /// <param name="isResponsiblePerson">True when the signer acts as the responsible person of the case's organisation.</param>
    public static string? OnBehalfOf(ComplaintCase complaintCase, string subjectId, bool isResponsiblePerson)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        var isDelegate = complaintCase.SigningDelegate?.SubjectId is { } delegateSubject && delegateSubject == subjectId;
        if (!isResponsiblePerson && !isDelegate)
        {
            throw new RequestForbiddenException("The final response is signed by the responsible person or the delegate they named for this case (Reg 14).");
        }
        return isResponsiblePerson ? null : complaintCase.ResponsiblePerson?.Name;
    }

    /// <summary>Records an error when a named delegate could not sign: only someone who signs in here can.</summary>
    public static void CheckDelegate(StaffRef? delegatedTo, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (delegatedTo is { SubjectId: null })
        {
            errors.Add(field, "A delegate signs here, so give the subject of their sign-in.");
        }
    }

    /// <summary>Refuses to send a response unsigned, or signed before its last change.</summary>
    public static void EnsureSignedAfterLastChange(ResponseSignature? signature, int draftVersion)
    {
        if (signature is null || signature.DraftVersion != draftVersion)
        {
            throw new RequestStateException("The final response must be signed by the responsible person or their named delegate (Reg 14), after its last change.");
        }
    }
}
