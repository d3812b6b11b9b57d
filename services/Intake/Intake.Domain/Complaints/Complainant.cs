namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>The person complaining, as they gave their details.</summary>
public sealed class Complainant
{
    // For EF Core, which sets the columns one by one.
    private Complainant()
    {
        Name = "";
    }

    /// <summary>The complainant with their name, contact details and postal address.</summary>
    public Complainant(string name, string? email, string? phone, PostalAddress? address)
    {
        Name = name;
        Email = email;
        Phone = phone;
        AddressLine1 = address?.Line1;
        AddressLine2 = address?.Line2;
        Town = address?.Town;
        Postcode = address?.Postcode;
    }

    /// <summary>Full name.</summary>
    public string Name { get; private set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; private set; }

    /// <summary>UK telephone number in national form: digits only, with a leading 0.</summary>
    public string? Phone { get; private set; }

    /// <summary>First line of the postal address.</summary>
    public string? AddressLine1 { get; private set; }

    /// <summary>Second line.</summary>
    public string? AddressLine2 { get; private set; }

    /// <summary>Town.</summary>
    public string? Town { get; private set; }

    /// <summary>UK postcode, upper case with one space (<c>SE1 7EH</c>).</summary>
    public string? Postcode { get; private set; }

    /// <summary>The postal address, or <c>null</c> when none was given.</summary>
    public PostalAddress? Address => AddressLine1 is null && Postcode is null ? null : new PostalAddress(AddressLine1, AddressLine2, Town, Postcode);
}
