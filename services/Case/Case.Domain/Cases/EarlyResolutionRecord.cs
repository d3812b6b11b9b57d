namespace IcsComplaints.Case.Domain.Cases;

/// <summary>
/// How a complaint was resolved early, by conversation and without a formal investigation (NHS Complaint Standards,
/// model complaint handling procedure, early resolution; domain.md §1.6): what was discussed and what was agreed,
/// confirmed to the complainant in a short letter with the offer of a closer look if they are not satisfied
/// (<see cref="Rules.EarlyResolutionConfirmation"/>).
/// </summary>
/// <param name="ResolvedOn">The day it was resolved: the day of the conversation that resolved it, and of the confirming letter.</param>
/// <param name="Channel">How the conversation was held.</param>
/// <param name="Discussed">What was discussed, in words the complainant will recognise.</param>
/// <param name="Agreed">What was agreed: the explanation given, the apology, what will be done.</param>
public sealed record EarlyResolutionRecord(DateOnly ResolvedOn, ContactChannel Channel, string Discussed, string Agreed);
