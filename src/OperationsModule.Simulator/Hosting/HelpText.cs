namespace OperationsModule.Simulator.Hosting;

/// <summary>What `operations-simulator --help` prints after the usage line.</summary>
internal static class HelpText
{
    public const string Body = """

        A fake of the four APIs OperationsModule calls (OL Connect, Onedata, VCF SDDC Manager, BigChange), on 127.0.0.1,
        for trying runbooks offline. Once listening it prints one JSON line, {"baseUri":"http://127.0.0.1:PORT/","pid":N},
        and runs until Ctrl+C or SIGTERM (Stop-Process -Id N).

          --urls URL               scheme and port to listen on (port 0: a free one); the host is always 127.0.0.1
          --https                  serve https with a fresh self-signed certificate (connect with -SkipCertificateCheck)
          --port N                 the port alone
          --seed N                 seed for the faults' random draws (default 1)
          --demo                   start with the items the OperationsModule help examples use
          --no-journal             do not record requests (benchmarks)
          --onedata-error-shape S  nested (what servers send, default) or flat (the published spec)
          --vcf-token-status N     201 (the spec, default) or 200 (the vendor's example)
          --exit-on-stdin-close    also exit when stdin closes (how the test kit ties it to the PowerShell that started it)
          --help, -h               this text

        Control it over HTTP under /_sim/ (reset, seed, faults, switches, requests), or from Pester with the
        OperationsModule.Testing module: Start-OperationsSimulator, Reset-OperationsSimulator, Add-OperationsSimulatorFault, ...
        """;
}
