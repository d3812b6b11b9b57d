using System.Globalization;
using IcsComplaints.Nhs;

namespace IcsComplaints.Bench.Common;

/// <summary>A made-up person as a complaint names them.</summary>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="NhsNumber">Ten digits, the last a valid Modulus 11 check digit.</param>
/// <param name="DateOfBirth">Born between 1930 and 2004.</param>
/// <param name="Email">Unique to the person's number.</param>
/// <param name="Phone">A mobile number 07700 9xxxxx: one of 100,000, so people share one more often than real people would.</param>
/// <param name="Street">House number and street.</param>
/// <param name="Town">Post town.</param>
/// <param name="Postcode">A postcode of the town's district.</param>
public sealed record Person(
    string FirstName, string LastName, string NhsNumber, DateOnly DateOfBirth, string Email, string Phone, string Street, string Town, string Postcode)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>
/// Made-up people for the benchmarks: names, addresses, e-mail, phone and a valid NHS number. Every benchmark that
/// sends or stores complaints draws its people here, so a complaint made through the API and one stored directly
/// look alike, and there is one Modulus 11 rule to trust.
/// </summary>
public static class People
{
    /// <summary>A person drawn from <paramref name="random"/>; <paramref name="number"/> makes the e-mail address unique.</summary>
    public static Person Draw(Random random, long number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var (town, district) = Towns[random.Next(Towns.Length)];
        return new Person(
            first,
            last,
            NhsNumbers.Draw(random),
            new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 75)),
            string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{number}@example.org").Replace("'", "", StringComparison.Ordinal).ToLowerInvariant(),
            string.Create(CultureInfo.InvariantCulture, $"07700 {random.Next(900_000, 1_000_000):000000}"),
            string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}"),
            town,
            string.Create(CultureInfo.InvariantCulture,
                $"{district}{random.Next(1, 10)} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}"));
    }

    private static readonly string[] FirstNames =
        ["Olivia", "Amelia", "Isla", "Ava", "Mohammed", "Noah", "Oliver", "George", "Margaret", "Patricia", "Susan", "David", "John", "Peter",
         "Aisha", "Priya", "Wei", "Grace", "Siobhan", "Kwame", "Tomasz", "Fatima", "Harriet", "Arthur", "Amara", "Ben", "Chloe", "Dev", "Ewa",
         "Farid", "Hamish", "Ines", "Jonah", "Kiri", "Leah", "Maryam", "Niamh", "Oskar", "Rhys", "Sana", "Tariq", "Ursula", "Viktor", "Yusuf",
         "Zara", "Bethan", "Callum", "Deborah", "Emeka", "Freya", "Gareth", "Hina", "Imran", "Joanna", "Kofi", "Lucy", "Malik", "Nadia", "Owen", "Rosa"];

    private static readonly string[] LastNames =
        ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Patel", "Khan", "Ahmed", "Okafor", "Nowak",
         "O'Brien", "Thompson", "Wright", "Walker", "Robinson", "Chen", "Hughes", "Edwards", "Green", "Hall", "Lewis", "Price", "Rahman",
         "Byrne", "Campbell", "Silva", "Moore", "Begum", "Clarke", "Jackson", "Wood", "Turner", "Mensah", "Kowalski", "Murphy", "Ali", "Singh",
         "Hussain", "Adeyemi", "Morgan", "Harris", "Martin", "Cooper", "King", "Baker", "Bennett", "Shah", "Mitchell", "Kaur", "Reid", "Fraser",
         "Nguyen", "Ward", "Kelly", "Osei", "Doyle", "Parry"];

    private static readonly string[] Streets =
        ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "Park Avenue", "Queens Road", "The Crescent", "Green Lane",
         "Manor Road", "Kings Road", "Albert Street", "Springfield Road", "Grange Road", "North Street"];

    private static readonly (string Town, string District)[] Towns =
        [("London", "SE"), ("London", "SW"), ("Croydon", "CR"), ("Bromley", "BR"), ("Manchester", "M"), ("Bolton", "BL"), ("Leeds", "LS"),
         ("Dartford", "DA"), ("Bexleyheath", "DA"), ("Wigan", "WN")];

    // The letters a postcode's inward code may end with (never C, I, K, M, O or V).
    private static readonly char[] InwardLetters = [.. "ABDEFGHJLNPQRSTUWXYZ"];
}

/// <summary>
/// NHS numbers: nine digits and their Modulus 11 check digit, found by the platform's own rule (<see cref="NhsNumber"/>)
/// rather than a second copy of it.
/// </summary>
public static class NhsNumbers
{
    /// <summary>A valid number drawn from <paramref name="random"/>, starting 4 to 9 as issued numbers do.</summary>
    public static string Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        while (true)
        {
            // One nine digits in eleven has no valid check digit: those are drawn again.
            var nine = random.Next(400_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
            for (var check = '0'; check <= '9'; check++)
            {
                if (NhsNumber.Normalise(nine + check) is { } valid)
                {
                    return valid;
                }
            }
        }
    }

    /// <summary>A number the rule refuses: a valid one with its check digit changed.</summary>
    public static string Invalid(Random random)
    {
        var valid = Draw(random);
        return string.Concat(valid.AsSpan(0, 9), ((valid[9] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture));
    }
}
