using IcsComplaints.Nhs;

namespace IcsComplaints.UnitTests;

/// <summary>NHS number Modulus 11 check (NHS Data Dictionary; domain.md §7), with the worked values.</summary>
public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "sum 299, remainder 2, check 9")]
    [InlineData("943 476 5919", "displayed 3-3-4 with spaces")]
    [InlineData("943-476-5919", "hyphens as separators")]
    [InlineData("9876543210", "remainder 0 gives 11, used as 0")]
    [InlineData("4010232137", "sum 92, remainder 4, check 7")]
    [InlineData("9990000018", "test range")]
    [InlineData("9990000026", "test range")]
    [InlineData("9990000034", "test range")]
    public void ValidNumbers_AreAccepted_AsTenDigits(string input, string because)
    {
        Assert.True(NhsNumber.Normalise(input) is { Length: 10 } digits && digits.All(char.IsDigit), because);
    }

    [Theory]
    [InlineData("9876544321", "the Data Dictionary's syntax example: sum 339, expected check 2")]
    [InlineData("1234567890", "remainder 1 gives 10: no valid check digit exists")]
    [InlineData("9111111124", "listed as pre-validated on a public page, but fails the check")]
    [InlineData("9222222228", "listed as pre-validated on a public page, but fails the check")]
    [InlineData("943476591", "nine digits")]
    [InlineData("94347659190", "eleven digits")]
    [InlineData("943476591X", "a letter")]
    [InlineData("943.476.5919", "dots are not separators")]
    [InlineData("", "empty")]
    public void InvalidNumbers_AreRefused(string input, string because)
    {
        Assert.True(NhsNumber.Normalise(input) is null, because);
    }

    [Fact]
    public void EveryDigitSubstitution_InAValidNumber_IsCaught()
    {
        const string valid = "9434765919";
        for (var position = 0; position < 10; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit != valid[position])
                {
                    Assert.Null(NhsNumber.Normalise(valid[..position] + digit + valid[(position + 1)..]));
                }
            }
        }
    }
}
