using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Documents;

/// <summary>What the virus scan found: nothing, or the signature of what it found.</summary>
/// <param name="Signature">The name of the signature matched; <c>null</c> when the file is clean.</param>
public sealed record ScanVerdict(string? Signature)
{
    /// <summary>The scan found something.</summary>
    public bool Infected => Signature is not null;
}

/// <summary>clamd could not be reached or could not scan; the file stays unscanned, and so unavailable, until it can.</summary>
public sealed class ScannerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Scans bytes with ClamAV's clamd over its INSTREAM protocol: the command, then chunks each after its length as four
/// big-endian bytes, then a zero length; clamd answers "stream: OK" or "stream: &lt;signature&gt; FOUND" and closes.
/// </summary>
public sealed class ClamAvScanner(IOptions<DocumentOptions> options)
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Scans <paramref name="content"/>.</summary>
    /// <exception cref="ScannerUnavailableException">clamd did not answer, or answered with an error.</exception>
    public async Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var scanner = options.Value.Scanner;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(scanner.Timeout);
        string reply;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(scanner.Host, scanner.Port, timeout.Token);
            await using var stream = client.GetStream();
            try
            {
                await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
                var length = new byte[4];
                for (var offset = 0; offset < content.Length; offset += ChunkBytes)
                {
                    var chunk = content.Slice(offset, Math.Min(ChunkBytes, content.Length - offset));
                    BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                    await stream.WriteAsync(length, timeout.Token);
                    await stream.WriteAsync(chunk, timeout.Token);
                }
                await stream.WriteAsync(new byte[4], timeout.Token);
            }
            catch (IOException)
            {
                // clamd closes mid-stream when the file is over its StreamMaxLength; its reply still says why.
            }
            using var answer = new MemoryStream();
            await stream.CopyToAsync(answer, timeout.Token);
            reply = Encoding.ASCII.GetString(answer.ToArray()).TrimEnd('\0', '\n', ' ');
        }
        catch (Exception ex) when (ex is SocketException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ScannerUnavailableException($"clamd at {scanner.Host}:{scanner.Port} did not scan the file.", ex);
        }
        return Interpret(reply);
    }

    /// <summary>Reads clamd's reply.</summary>
    public static ScanVerdict Interpret(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.StartsWith("stream: ", StringComparison.Ordinal) ? reply["stream: ".Length..] : reply;
        if (text == "OK")
        {
            return new ScanVerdict(null);
        }
        if (text.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new ScanVerdict(text[..^" FOUND".Length]);
        }
        throw new ScannerUnavailableException($"clamd could not scan the file: {text}");
    }
}
