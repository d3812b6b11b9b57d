using IcsComplaints.Correspondence.Domain.Cases;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="StaffToTell"/>: a member of staff complained about is told once, when a work address is first held.</summary>
public sealed class StaffToTellTests
{
    [Fact]
    public void TheFirstAnnouncementWithAWorkAddress_TellsThem_AndNoLaterOneDoes()
    {
        var staff = StaffToTell.Announced(Guid.NewGuid(), 7);

        Assert.False(staff.Recorded(hasWorkEmail: false));
        Assert.True(staff.Recorded(hasWorkEmail: true));
        Assert.False(staff.Recorded(hasWorkEmail: true));
        Assert.True(staff.Told);
    }

    [Fact]
    public void ALateAnnouncementWithoutTheAddress_DoesNotTakeItAway()
    {
        var staff = StaffToTell.Announced(Guid.NewGuid(), 7);

        staff.Recorded(hasWorkEmail: true);
        staff.Recorded(hasWorkEmail: false);

        Assert.True(staff.HasWorkEmail);
    }
}
