using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// NHS Complaint Standards, "a closer look" (domain.md §1.6): before a closer look starts the investigator's
/// independence is checked (involvement in what is complained about, any other conflict of interest), and where they
/// are not independent the case records how impartiality is protected.
/// </summary>
public static class InvestigatorIndependence
{
    /// <summary>Records an error for each answer of the conflict check left out, and for missing impartiality measures.</summary>
    /// <param name="priorInvolvement">The investigator was involved in what is complained about.</param>
    /// <param name="conflictOfInterest">The investigator has another conflict of interest.</param>
    /// <param name="impartialityMeasures">How impartiality is protected, if it needs to be.</param>
    /// <param name="errors">Where the problems go, by field.</param>
    public static void Check(bool? priorInvolvement, bool? conflictOfInterest, string? impartialityMeasures, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (priorInvolvement is null)
        {
            errors.Add("priorInvolvement", "Record the conflict check: was the investigator involved in what is complained about? (true or false)");
        }
        if (conflictOfInterest is null)
        {
            errors.Add("conflictOfInterest", "Record the conflict check: does the investigator have any other conflict of interest? (true or false)");
        }
        if ((priorInvolvement == true || conflictOfInterest == true) && impartialityMeasures is null)
        {
            errors.Add("impartialityMeasures", "The investigator is not independent: say how impartiality is protected (NHS Complaint Standards, closer look).");
        }
    }
}
