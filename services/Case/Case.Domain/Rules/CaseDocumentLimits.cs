namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// How much one case may hold: a file at most <c>maxFileBytes</c>, and the case at most <c>maxFiles</c> files and
/// <c>maxCaseBytes</c> in all, quarantined files included (they are kept too). Messages say what to do instead.
/// </summary>
public static class CaseDocumentLimits
{
    /// <summary>What is wrong with adding a file of <paramref name="size"/> bytes to a case already holding <paramref name="files"/> files of <paramref name="heldBytes"/>; <c>null</c> when it fits.</summary>
    public static string? Check(long size, int files, long heldBytes, long maxFileBytes, int maxFiles, long maxCaseBytes)
    {
        if (size == 0)
        {
            return "The file is empty. Choose the file again.";
        }
        if (size > maxFileBytes)
        {
            return $"The file must be smaller than {Megabytes(maxFileBytes)}. Send a smaller copy, or split it into parts.";
        }
        if (files >= maxFiles)
        {
            return $"This complaint already holds {maxFiles} files, the most it can. Send more by post, or ask the complaints team.";
        }
        if (heldBytes + size > maxCaseBytes)
        {
            return $"This complaint's files would come to more than {Megabytes(maxCaseBytes)}. Send a smaller copy, or send it by post.";
        }
        return null;
    }

    /// <summary>A size in words, for people.</summary>
    public static string Megabytes(long bytes) => $"{bytes / (1024d * 1024d):0.#} MB";
}
