namespace IcsComplaints.Case.Api.Data;

/// <summary>A deadline alert already raised, so the scan raises each once.</summary>
public sealed class DeadlineAlert
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Which deadline.</summary>
    public required string Deadline { get; init; }

    /// <summary>Its date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Approaching or Missed.</summary>
    public required string Level { get; init; }

    /// <summary>When raised.</summary>
    public DateTimeOffset RaisedAt { get; init; }
}
