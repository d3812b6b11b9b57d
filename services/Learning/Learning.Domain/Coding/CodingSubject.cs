namespace IcsComplaints.Learning.Domain.Coding;

/// <summary>What a coding describes.</summary>
public enum CodingSubject
{
    /// <summary>The complaint as made.</summary>
    Complaint = 1,

    /// <summary>The organisation's final response: what it answered.</summary>
    Response = 2,
}
