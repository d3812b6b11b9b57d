namespace IcsComplaints.Portal.Web.Journey;

/// <summary>The reasonable adjustments a person can ask for, by the API's names, in the words the pages use.</summary>
public static class AdjustmentNeeds
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        ("LargePrint", "Large print"), ("Braille", "Braille"), ("EasyRead", "Easy read"), ("Audio", "Audio"),
        ("Interpreter", "An interpreter"), ("BslInterpreter", "A British Sign Language (BSL) interpreter"),
        ("Advocate", "Help from an advocate"), ("Other", "Something else"),
    ];

    /// <summary>The words for a need, or the need as given.</summary>
    public static string LabelOf(string value) => All.FirstOrDefault(n => n.Value == value).Label ?? value;
}
