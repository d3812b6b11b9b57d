namespace IcsComplaints.Nhs;

/// <summary>
/// NHS numbers: ten digits, the tenth a Modulus 11 check digit (NHS Data Dictionary, "NHS Number"; domain.md §7).
/// Digits 1–9 are weighted 10 down to 2 and summed; the check digit is 11 minus the remainder of the sum divided
/// by 11, where 11 becomes 0 and 10 means no valid number exists.
/// </summary>
public static class NhsNumber
{
    /// <summary>
    /// Returns the number as ten digits when it is valid (spaces and hyphens allowed as separators, as in
    /// <c>943 476 5919</c>), otherwise <c>null</c>.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 16)
        {
            return null;
        }
        Span<int> digits = stackalloc int[10];
        var count = 0;
        foreach (var c in input.Trim())
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            if (c is < '0' or > '9' || count == 10)
            {
                return null;
            }
            digits[count++] = c - '0';
        }
        if (count != 10)
        {
            return null;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        if (check == 10 || check != digits[9])
        {
            return null;
        }
        return string.Concat(digits.ToArray().Select(d => (char)('0' + d)));
    }
}
