namespace Accrue.Portal.Tests.Packaging;

using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// A minimal LSP client over a server's standard streams, as an LSP editor runs one: requests with answers, notifications,
/// and the server's own requests answered (<c>workspace/configuration</c> with the settings given at initialisation).
/// </summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder errors = new();
    private readonly Task reading;
    private object settings = new { };
    private int nextId;

    private LanguageServer(Process process)
    {
        this.process = process;
        this.process.ErrorDataReceived += (_, e) =>
        {
            lock (this.errors)
            {
                this.errors.AppendLine(e.Data);
            }
        };
        this.process.BeginErrorReadLine();
        this.reading = Task.Run(this.ReadAsync);
    }

    public static LanguageServer Start(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // As DotnetCli does: not the MSBuild environment the test host inherits from dotnet test.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new LanguageServer(Process.Start(start)!);
    }

    /// <summary>initialize (with the settings as initialization options and as workspace/configuration answers), then initialized.</summary>
    public async Task InitializeAsync(string rootDirectory, object initializationSettings)
    {
        this.settings = initializationSettings;
        var root = new Uri(rootDirectory.TrimEnd('/') + "/").AbsoluteUri.TrimEnd('/');
        await this.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = root,
            workspaceFolders = new[] { new { uri = root, name = "host" } },
            capabilities = new { workspace = new { configuration = true }, textDocument = new { diagnostic = new { }, publishDiagnostics = new { } } },
            initializationOptions = initializationSettings,
        });
        this.Notify("initialized", new { });
    }

    public async Task<JsonElement> RequestAsync(string method, object parameters)
    {
        var id = Interlocked.Increment(ref this.nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        this.pending[id] = answer;
        await this.WriteAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
        if (await Task.WhenAny(answer.Task, Task.Delay(RequestTimeout)) != answer.Task)
        {
            throw new TimeoutException($"{method} got no answer in {RequestTimeout}; the server said:\n{this.Errors()}");
        }

        return await answer.Task;
    }

    public void Notify(string method, object parameters) =>
        this.WriteAsync(new { jsonrpc = "2.0", method, @params = parameters }).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
        }

        await this.process.WaitForExitAsync();
        await Task.WhenAny(this.reading, Task.Delay(TimeSpan.FromSeconds(5)));
        this.process.Dispose();
        this.writeLock.Dispose();
    }

    private string Errors()
    {
        lock (this.errors)
        {
            var text = this.errors.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private async Task WriteAsync(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await this.writeLock.WaitAsync();
        try
        {
            var stream = this.process.StandardInput.BaseStream;
            await stream.WriteAsync(header);
            await stream.WriteAsync(body);
            await stream.FlushAsync();
        }
        finally
        {
            this.writeLock.Release();
        }
    }

    private async Task ReadAsync()
    {
        var stream = this.process.StandardOutput.BaseStream;
        while (await ReadHeaderAsync(stream) is { } length)
        {
            var body = new byte[length];
            await stream.ReadExactlyAsync(body);
            using var message = JsonDocument.Parse(body);
            var root = message.RootElement.Clone();
            if (root.TryGetProperty("method", out var method) && root.TryGetProperty("id", out var serverId))
            {
                // A request of the server's: the settings for each configuration item asked, nothing for the rest.
                object? result = method.GetString() == "workspace/configuration"
                    ? Enumerable(root.GetProperty("params").GetProperty("items").GetArrayLength(), this.Section())
                    : null;
                await this.WriteAsync(new { jsonrpc = "2.0", id = serverId, result });
            }
            else if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && this.pending.TryRemove(id.GetInt32(), out var answer))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    answer.SetException(new InvalidOperationException("The server answered with an error: " + error));
                }
                else
                {
                    answer.SetResult(root.TryGetProperty("result", out var result) ? result : default);
                }
            }
        }

        foreach (var waiting in this.pending.Values)
        {
            waiting.TrySetException(new IOException("The server exited:\n" + this.Errors()));
        }
    }

    /// <summary>The "csharp" section the server asks for, or the whole settings when they have none.</summary>
    private object Section()
    {
        var element = JsonSerializer.SerializeToElement(this.settings);
        return element.TryGetProperty("csharp", out var section) ? section : element;
    }

    private static object[] Enumerable(int count, object item)
    {
        var items = new object[count];
        Array.Fill(items, item);
        return items;
    }

    private static async Task<int?> ReadHeaderAsync(Stream stream)
    {
        int? length = null;
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            if (one[0] != '\n')
            {
                line.Append((char)one[0]);
                continue;
            }

            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                return length;
            }

            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(text["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
