namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>What a complaints team searches a complaint by, besides its own columns.</summary>
public sealed partial class Complaint
{
    /// <summary>The words of the complainant's and the patient's names (<see cref="NameWords"/>), set on arrival with the names.</summary>
    public IReadOnlyList<ComplaintNameWord> NameWords => _nameWords;

    private List<ComplaintNameWord> _nameWords = [];
}
