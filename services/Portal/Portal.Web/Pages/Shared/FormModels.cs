namespace IcsComplaints.Portal.Web.Pages.Shared;

// What the design system's form partials (_TextInput, _Textarea, _Choices, _DateInput) need to draw one question.

/// <summary>A text input, or a textarea.</summary>
public sealed record TextQuestion(string Id, string Name, string Label, string? Value, string? Error)
{
    public string? Hint { get; init; }
    public bool IsPageHeading { get; init; }
    public string? WidthClass { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? InputMode { get; init; }
    public bool Spellcheck { get; init; } = true;
    public int Rows { get; init; } = 8;
}

/// <summary>One option of a set of radios or checkboxes.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>Radios (one answer) or checkboxes (any number).</summary>
public sealed record ChoiceQuestion(string Id, string Name, string Legend, IReadOnlyList<Choice> Choices, IReadOnlyCollection<string> Selected, string? Error)
{
    public string? Hint { get; init; }
    public bool IsPageHeading { get; init; } = true;
    public bool Multiple { get; init; }

    /// <summary>The id of an option's input: the first takes the question's id, so the error summary can link to it.</summary>
    public string OptionId(int index) => index == 0 ? Id : $"{Id}-{index + 1}";
}

/// <summary>A date in three boxes.</summary>
public sealed record DateQuestion(string Id, string Name, string Legend, Journey.DateParts Value, string? Error)
{
    public string? Hint { get; init; }
    public bool IsPageHeading { get; init; } = true;
}

/// <summary>How the staff and advocate pages write a date: "3 March 2026".</summary>
public static class Dates
{
    private static readonly System.Globalization.CultureInfo British = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The date in words, or an empty string.</summary>
    public static string InWords(DateOnly? date) => date?.ToString("d MMMM yyyy", British) ?? "";
}
