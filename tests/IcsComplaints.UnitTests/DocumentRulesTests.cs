using System.IO.Compression;
using System.Text;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Documents;

namespace IcsComplaints.UnitTests;

/// <summary>What a file is, from its bytes alone; the name it is kept under; how much a case holds; what clamd's replies mean (ADR 43).</summary>
public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData("%PDF-1.7\n...", "PDF")]
    [InlineData("A letter about my appointment.\r\nThank you.", "Text")]
    [InlineData("\uFEFFWith a byte-order mark\n", "Text")]
    [InlineData("<p>not a web page unless it says so</p>", "Text")]
    public void TheKindIsDecidedFromTheBytes(string content, string kind) =>
        Assert.Equal(kind, DocumentTypes.Detect(Encoding.UTF8.GetBytes(content))?.Name);

    [Fact]
    public void PhotosAreRecognisedByTheirSignatures()
    {
        Assert.Same(DocumentTypes.Jpeg, DocumentTypes.Detect([0xFF, 0xD8, 0xFF, 0xE1, 0x00]));
        Assert.Same(DocumentTypes.Png, DocumentTypes.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.Same(DocumentTypes.Heic, DocumentTypes.Detect([0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00]));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>")]
    [InlineData("  <svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><x/>")]
    [InlineData("")]
    [InlineData("binary\u0000zero")]
    public void WebPagesImagesThatRunAndBinaryAreRefused(string content) =>
        Assert.Null(DocumentTypes.Detect(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void ProgramsAndInvalidTextAreRefused()
    {
        Assert.Null(DocumentTypes.Detect([0x4D, 0x5A, 0x90, 0x00]));
        Assert.Null(DocumentTypes.Detect([0xC3, 0x28, 0x41]));
    }

    [Fact]
    public void WordAndOpenDocumentTextAreRecognisedInsideTheirZip_AndMacrosOrOtherZipsAreRefused()
    {
        Assert.Same(DocumentTypes.Docx, DocumentTypes.Detect(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))));
        Assert.Same(DocumentTypes.Odt, DocumentTypes.Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>"))));
        Assert.Null(DocumentTypes.Detect(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"), ("word/vbaProject.bin", "macro"))));
        Assert.Null(DocumentTypes.Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))));
        Assert.Null(DocumentTypes.Detect(Zip(("readme.txt", "just a zip"))));
        Assert.Null(DocumentTypes.Detect("PK\u0003\u0004 not really a zip"u8));
    }

    [Theory]
    [InlineData(@"C:\fakepath\Letter to PALS.docx", "Letter to PALS.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("report.pdf.exe", "report.pdf.pdf")]
    [InlineData("  ..hidden  ", "hidden.pdf")]
    [InlineData("a\u0000b\r\nc;d%e.pdf", "a_b__c_d_e.pdf")]
    [InlineData("<>:\"|?*", "document.pdf")]
    [InlineData(null, "document.pdf")]
    [InlineData("Café notes.pdf", "Café notes.pdf")]
    public void NamesKeepWhatIsSafe_AndEndInTheExtensionOfWhatTheFileIs(string? given, string kept) =>
        Assert.Equal(kept, DocumentNames.Sanitise(given, DocumentTypes.Pdf));

    [Fact]
    public void ALongNameIsCutToTheLimit_KeepingItsExtension()
    {
        var name = DocumentNames.Sanitise(new string('x', 300) + ".jpg", DocumentTypes.Jpeg);
        Assert.Equal(DocumentNames.MaxLength, name.Length);
        Assert.EndsWith("x.jpg", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, "empty")]
    [InlineData(11, 0, 0, "smaller than")]
    [InlineData(5, 3, 10, "already holds 3 files")]
    [InlineData(5, 1, 46, "more than")]
    public void ACaseHoldsFilesWithinItsLimits(long size, int files, long held, string says) =>
        Assert.Contains(says, CaseDocumentLimits.Check(size, files, held, maxFileBytes: 10, maxFiles: 3, maxCaseBytes: 50), StringComparison.Ordinal);

    [Fact]
    public void AFileThatFits_IsAccepted() =>
        Assert.Null(CaseDocumentLimits.Check(10, 2, 40, maxFileBytes: 10, maxFiles: 3, maxCaseBytes: 50));

    [Fact]
    public void ClamdsRepliesAreRead_AndAnErrorIsNeverTakenForClean()
    {
        Assert.False(ClamAvScanner.Interpret("stream: OK").Infected);
        Assert.Equal("Local.EICAR-Test-NDB.UNOFFICIAL", ClamAvScanner.Interpret("stream: Local.EICAR-Test-NDB.UNOFFICIAL FOUND").Signature);
        Assert.Throws<ScannerUnavailableException>(() => ClamAvScanner.Interpret("INSTREAM size limit exceeded. ERROR"));
        Assert.Throws<ScannerUnavailableException>(() => ClamAvScanner.Interpret(""));
    }

    [Fact]
    public async Task AScannerThatCannotBeReached_LeavesTheFileUnscanned_RatherThanClean()
    {
        using var free = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        free.Start();
        var port = ((System.Net.IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var scanner = new ClamAvScanner(Microsoft.Extensions.Options.Options.Create(new DocumentOptions { Scanner = { Port = port, Timeout = TimeSpan.FromSeconds(2) } }));
        await Assert.ThrowsAsync<ScannerUnavailableException>(() => scanner.ScanAsync("hello"u8.ToArray(), CancellationToken.None));
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
