# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
#
# WSL Net Doctor: Intune Remediations detection script.
# Runs the installed per-user CLI (diagnose --summary-line) as the logged-on user, prints ONE line
# (the CLI's summary line, which Intune shows and exports) and exits with the CLI's exit code:
#   0 no problem found, 1 a problem found (Intune: "issue detected", the remediation may run),
#   2 bad settings below, 3 the diagnosis could not run or finish.
# When it cannot run the CLI at all it prints a summary line of its own, verdict=not-run with a
# reason (run-as-system, cli-not-installed, timed-out, no-summary-line, script-error), and exits 3.
# Portal settings and what each line means: packaging/intune/README.md.
#
# Windows PowerShell 5.1 and later; ASCII only; only cmdlets, no .NET method calls (so it also runs
# in Constrained Language Mode on AppLocker/WDAC machines).

# ---- Settings: the help desk edits these, the same in detect.ps1 and remediate.ps1 ----
$Target = ''            # the machine users cannot reach, HOST or HOST:PORT (port 22 by default); '' = this computer only
$TargetIsSsh = $true    # $false when the target is a web server or another service that is not SSH (--no-ssh)
$ServicePorts = @()     # ports of the users' own service in WSL, e.g. @(3000) (--service-port)
$WindowsPorts = @()     # ports of programs on Windows that WSL should reach, e.g. @(5432) (--windows-port)
$Distro = ''            # the WSL distro to check; '' = each user's default distro
$DiagnoseSeconds = 60   # the diagnosis' own time limit, 3-600 (--timeout); the script allows 90 s more
$NamesInLine = $false   # $true: the distro's registered name in the line instead of its OS (--summary-line-names)
$CliPath = ''           # '' = where the per-user installer puts it: %LOCALAPPDATA%\WSL Net Doctor\wsl-net-doctor-cli.exe
# ---- End of settings ----

# ---- Shared with remediate.ps1, word for word (a test compares them) ----
$ErrorActionPreference = 'Stop'
$LauncherName = 'wsl-net-doctor-cli.exe'
$InstallFolder = 'WSL Net Doctor'
$GraceSeconds = 90

# A summary line of this script's own, for when the CLI could not give one (same format, parsed by report --fleet).
function Write-NotRun([string]$Reason) {
    Write-Output ('wsl-net-doctor/1 verdict=not-run findings=none app=unknown complete=false exit=3 reason=' + $Reason)
}

# One argument as CommandLineToArgvW (and so the CLI's launcher) splits it back: Start-Process
# joins -ArgumentList with spaces and quotes nothing itself.
function ConvertTo-ArgumentText([string]$Text) {
    if ($Text.Length -gt 0 -and $Text -notmatch '[\s"]') {
        return $Text
    }
    $quoted = $Text -replace '(\\*)"', '$1$1\"'
    $quoted = $quoted -replace '(\\+)$', '$1$1'
    return '"' + $quoted + '"'
}

function Join-Arguments([string[]]$List) {
    $parts = @()
    foreach ($a in $List) {
        $parts += ConvertTo-ArgumentText $a
    }
    return ($parts -join ' ')
}

# Runs a program with its output in files, waits at most $Seconds, and kills it (with its child
# processes) when it takes longer. Never waits without a bound. $KeepOutputAs: where to keep its
# stdout as the bytes it wrote ('' = nowhere).
function Invoke-Bounded([string]$FilePath, [string]$Arguments, [int]$Seconds, [string]$KeepOutputAs = '') {
    $stamp = [string]$PID + '-' + (Get-Date -Format 'yyyyMMddHHmmssfff')
    $outFile = Join-Path $env:TEMP ('wsl-net-doctor-intune-' + $stamp + '.out')
    $errFile = Join-Path $env:TEMP ('wsl-net-doctor-intune-' + $stamp + '.err')
    $p = Start-Process -FilePath $FilePath -ArgumentList $Arguments -NoNewWindow -PassThru `
        -RedirectStandardOutput $outFile -RedirectStandardError $errFile
    # Reading Handle now keeps the exit code readable once the process has ended (Start-Process -PassThru).
    $null = $p.Handle
    Wait-Process -InputObject $p -Timeout $Seconds -ErrorAction SilentlyContinue
    $timedOut = -not $p.HasExited
    if ($timedOut) {
        # taskkill /T also ends what the CLI started (wsl.exe, powershell.exe); Stop-Process alone would leave them.
        # Its messages are not ours to show, and under 'Stop' PowerShell 5.1 would turn them into an error.
        $ErrorActionPreference = 'SilentlyContinue'
        & taskkill.exe /T /F /PID $p.Id > $null 2> $null
        Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue
        Wait-Process -InputObject $p -Timeout 10 -ErrorAction SilentlyContinue
    }
    $lines = @()
    if (Test-Path -LiteralPath $outFile) {
        $lines = @(Get-Content -LiteralPath $outFile -ErrorAction SilentlyContinue)
    }
    if ($KeepOutputAs -ne '' -and -not $timedOut -and (Test-Path -LiteralPath $outFile)) {
        Move-Item -LiteralPath $outFile -Destination $KeepOutputAs -Force
    }
    Remove-Item -LiteralPath $outFile, $errFile -Force -ErrorAction SilentlyContinue
    $code = 3
    if (-not $timedOut -and $null -ne $p.ExitCode) {
        $code = [int]$p.ExitCode
    }
    return @{ TimedOut = $timedOut; ExitCode = $code; Lines = $lines }
}

function Get-SummaryLine($Lines) {
    $found = $null
    foreach ($l in $Lines) {
        if ([string]$l -match '^wsl-net-doctor/\d+ ') {
            $found = [string]$l
        }
    }
    return $found
}

# Intune runs scripts as SYSTEM unless "Run this script using the logged-on credentials" is Yes;
# SYSTEM has no WSL distros (they are per user) and no per-user install of the CLI.
function Test-SystemAccount {
    $userHome = [string]$env:USERPROFILE
    if ($userHome -like '*\config\systemprofile') {
        return $true
    }
    return ([string]$env:USERNAME -eq ([string]$env:COMPUTERNAME + '$'))
}

function Get-CliPath {
    if ($CliPath -ne '') {
        return $CliPath
    }
    return (Join-Path (Join-Path $env:LOCALAPPDATA $InstallFolder) $LauncherName)
}

# The 64-bit PowerShell when this one is 32-bit on 64-bit Windows, else ''. Intune's default
# ("Run script in 64-bit PowerShell" = No) is 32-bit, where System32 is redirected to SysWOW64 and
# wsl.exe is missing; Sysnative reaches the real System32. PROCESSOR_ARCHITEW6432 is set only in a
# 32-bit process on 64-bit Windows: it says what [Environment]::Is64BitOperatingSystem -and -not
# [Environment]::Is64BitProcess says, without a .NET call.
function Get-PowerShell64 {
    $sysnativePowerShell = Join-Path $env:WINDIR 'Sysnative\WindowsPowerShell\v1.0\powershell.exe'
    if ($env:PROCESSOR_ARCHITEW6432 -and (Test-Path -LiteralPath $sysnativePowerShell)) {
        return $sysnativePowerShell
    }
    return ''
}

# This same script again in the 64-bit PowerShell, its last line and exit code passed on.
function Invoke-As64Bit([string]$PowerShell64, [int]$Seconds) {
    $arguments = Join-Arguments @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $PSCommandPath)
    $again = Invoke-Bounded $PowerShell64 $arguments $Seconds
    if ($again.TimedOut) {
        return @{ ExitCode = 3; Line = $null }
    }
    $last = $null
    foreach ($l in $again.Lines) {
        if ([string]$l -ne '') {
            $last = [string]$l
        }
    }
    return @{ ExitCode = $again.ExitCode; Line = $last }
}
# The diagnosis the settings ask for, without its output option.
function Get-DiagnoseArguments {
    $list = @('diagnose', '--quiet', '--timeout', [string]$DiagnoseSeconds)
    if ($Target -ne '') {
        $list += @('--target', $Target)
        if (-not $TargetIsSsh) {
            $list += '--no-ssh'
        }
    }
    foreach ($port in $ServicePorts) {
        $list += @('--service-port', [string]$port)
    }
    foreach ($port in $WindowsPorts) {
        $list += @('--windows-port', [string]$port)
    }
    if ($Distro -ne '') {
        $list += @('--wsl', $Distro)
    }
    return $list
}
# ---- End of the shared part ----

try {
    $powerShell64 = Get-PowerShell64
    if ($powerShell64 -ne '') {
        $again = Invoke-As64Bit $powerShell64 ($DiagnoseSeconds + 2 * $GraceSeconds)
        if ($null -eq $again.Line) {
            Write-NotRun 'timed-out'
            exit 3
        }
        Write-Output $again.Line
        exit $again.ExitCode
    }

    if (Test-SystemAccount) {
        Write-NotRun 'run-as-system'
        exit 3
    }
    $cli = Get-CliPath
    if (-not (Test-Path -LiteralPath $cli -PathType Leaf)) {
        Write-NotRun 'cli-not-installed'
        exit 3
    }

    $cliArgs = @(Get-DiagnoseArguments)
    if ($NamesInLine) {
        $cliArgs += '--summary-line-names'
    } else {
        $cliArgs += '--summary-line'
    }

    $run = Invoke-Bounded $cli (Join-Arguments $cliArgs) ($DiagnoseSeconds + $GraceSeconds)
    if ($run.TimedOut) {
        Write-NotRun 'timed-out'
        exit 3
    }
    $line = Get-SummaryLine $run.Lines
    if ($null -eq $line) {
        Write-NotRun 'no-summary-line'
        exit 3
    }
    Write-Output $line
    exit $run.ExitCode
} catch {
    Write-NotRun 'script-error'
    exit 3
}
