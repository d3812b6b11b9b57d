using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>A small directory and complaints received against it, for the tests of intake's rules.</summary>
internal static class IntakeExamples
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>An ICB commissioning a trust (with a site) and a GP practice; a trust it does not commission.</summary>
    public static readonly DirectorySnapshot Directory = new(
        [
            new DirectoryOrganisation("QKK", "Kent ICB", OrganisationKind.Icb, openedOn: new DateOnly(2022, 7, 1)),
            new DirectoryOrganisation("RJ1", "Guy's and St Thomas'", OrganisationKind.NhsTrust),
            new DirectoryOrganisation("RJ1ZZ", "St Thomas' Hospital", OrganisationKind.TrustSite, parentOdsCode: "RJ1"),
            new DirectoryOrganisation("RJZ", "King's College Hospital", OrganisationKind.NhsTrust),
            new DirectoryOrganisation("Y99901", "A GP practice", OrganisationKind.GpPractice),
            new DirectoryOrganisation("R0A", "Manchester University", OrganisationKind.NhsTrust),
            new DirectoryOrganisation("RX9", "A closed trust", OrganisationKind.NhsTrust, closedOn: new DateOnly(2020, 3, 31)),
        ],
        [
            new CommissioningRelationship("QKK", "RJ1", new DateOnly(2022, 7, 1)),
            new CommissioningRelationship("QKK", "RJZ", new DateOnly(2022, 7, 1)),
            new CommissioningRelationship("QKK", "Y99901", new DateOnly(2022, 7, 1)),
        ]);

    public static ComplaintSubmission Submission(string organisation = "RJ1") => new()
    {
        OrganisationCode = organisation,
        ReceivedOn = new DateOnly(2026, 11, 20),
        Channel = ComplaintChannel.Letter,
        Name = "Grace Hopper",
        Email = "grace@example.org",
        Description = "My discharge letter was never sent to my GP.",
    };

    public static Complaint Received(ComplaintSubmission submission) =>
        Complaint.Receive("ABCD-1234", submission, Directory, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), null, null);
}
