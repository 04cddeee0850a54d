# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
#
# WSL Net Doctor: Intune Remediations remediation script (optional; Intune runs it only after
# detect.ps1 exited 1). It applies only a fix that needs no administrator and no WSL restart and
# can be undone: turning off ssh's packet marking (IPQoS none) in the distro's ~/.ssh/config for
# the hosts the diagnosis found dropping marked packets (fix ssh-config-ipqos-none). Everything
# else a diagnosis may offer (firewall rules, .wslconfig settings, MTU) needs an administrator or
# a restart of WSL and is left to the help desk.
# It diagnoses again (the detection's line names no host, the fix needs them), applies the fix
# through the CLI's own safe pipeline (diff, backup, check with ssh -G, undo), records the undo
# command in %LOCALAPPDATA%\WSL Net Doctor\intune\undo.txt and prints ONE line; its exit code is
# the CLI's: 0 applied or nothing to apply, 1 refused, 2 bad settings, 3 could not run or finish.
# Portal settings: packaging/intune/README.md.
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

$FixId = 'ssh-config-ipqos-none'
$RecordFolderText = '%LOCALAPPDATA%\WSL Net Doctor\intune'

# The one line Intune keeps. Never a host, address or user name: the folder is written unexpanded.
function Write-Result([string]$Text) {
    Write-Output ('WSL Net Doctor remediation: ' + $Text)
}

try {
    $powerShell64 = Get-PowerShell64
    if ($powerShell64 -ne '') {
        $again = Invoke-As64Bit $powerShell64 (2 * $DiagnoseSeconds + 3 * $GraceSeconds)
        if ($null -eq $again.Line) {
            Write-Result 'timed out in the 64-bit PowerShell; nothing recorded as applied.'
            exit 3
        }
        Write-Output $again.Line
        exit $again.ExitCode
    }

    if (Test-SystemAccount) {
        Write-Result 'not run: it runs as SYSTEM, which has no WSL distros. Set "Run this script using the logged-on credentials" to Yes.'
        exit 3
    }
    $cli = Get-CliPath
    if (-not (Test-Path -LiteralPath $cli -PathType Leaf)) {
        Write-Result 'not run: the CLI is not installed for this user (%LOCALAPPDATA%\WSL Net Doctor\wsl-net-doctor-cli.exe).'
        exit 3
    }
    $records = Join-Path (Join-Path $env:LOCALAPPDATA $InstallFolder) 'intune'
    $null = New-Item -ItemType Directory -Path $records -Force
    $resultFile = Join-Path $records 'last-result.json'
    $logFile = Join-Path $records 'remediate.log'

    # The full result, with the hosts the fix needs: it stays in the user's own profile.
    $diagnosis = Invoke-Bounded $cli (Join-Arguments (@(Get-DiagnoseArguments) + '--json')) ($DiagnoseSeconds + $GraceSeconds) $resultFile
    if ($diagnosis.TimedOut) {
        Write-Result ('the diagnosis did not finish in ' + ($DiagnoseSeconds + $GraceSeconds) + ' s; nothing changed.')
        exit 3
    }
    if ($diagnosis.ExitCode -eq 0) {
        Write-Result 'nothing to do: the diagnosis finds no problem now.'
        exit 0
    }
    if ($diagnosis.ExitCode -ne 1) {
        Write-Result ('nothing changed: the diagnosis could not run or finish (exit ' + $diagnosis.ExitCode + ').')
        exit $diagnosis.ExitCode
    }
    $doc = Get-Content -LiteralPath $resultFile -Raw -Encoding UTF8 | ConvertFrom-Json
    $finding = $null
    $found = @()
    foreach ($f in @($doc.findings)) {
        $found += [string]$f.id
        foreach ($offer in @($f.fixes)) {
            if ([string]$offer.id -eq $FixId -and $null -eq $finding) {
                $finding = [string]$f.id
            }
        }
    }
    if ($null -eq $finding) {
        Write-Result ('nothing it may fix: ' + ($found -join ',') + ' need an administrator, a WSL restart or a change elsewhere; nothing changed.')
        exit 0
    }

    $applyArgs = @('fix', 'apply', '--from', $resultFile, '--fix', $FixId, '--finding', $finding)
    if ($Distro -ne '') {
        $applyArgs += @('--wsl', $Distro)
    }
    $apply = Invoke-Bounded $cli (Join-Arguments $applyArgs) (2 * $GraceSeconds)
    Set-Content -LiteralPath $logFile -Value ([string]($apply.Lines -join "`r`n")) -Encoding UTF8
    if ($apply.TimedOut) {
        Write-Result ('applying ' + $FixId + ' did not finish in ' + (2 * $GraceSeconds) + ' s; see ' + $RecordFolderText + '\remediate.log.')
        exit 3
    }
    if ($apply.ExitCode -ne 0) {
        Write-Result ('nothing changed: fix apply ' + $FixId + ' exited ' + $apply.ExitCode + '; see ' + $RecordFolderText + '\remediate.log.')
        exit $apply.ExitCode
    }
    $undo = $null
    foreach ($l in $apply.Lines) {
        if ([string]$l -match 'wsl-net-doctor undo (.+)$') {
            $undo = $Matches[1]
        }
    }
    if ($null -eq $undo) {
        Write-Result ('nothing to change: the ssh config already turns marking off for these hosts (' + $FixId + ').')
        exit 0
    }
    # The command that undoes it, for the installed CLI, one line per fix applied (PowerShell syntax,
    # as the CLI quotes the backup's path on Windows).
    $stamp = Get-Date -Format 'yyyy-MM-ddTHH:mm:sszzz'
    $command = "& '" + ($cli -replace "'", "''") + "' undo " + $undo
    Add-Content -LiteralPath (Join-Path $records 'undo.txt') -Value ($stamp + ' ' + $FixId + ': ' + $command) -Encoding UTF8
    # The handle in the line is the backup's file name only: its folder names the user.
    $handle = $undo
    if ($undo -match "^'((?:[^']|'')*)'") {
        $handle = $Matches[1] -replace "''", "'"
    } elseif ($undo -match '^(\S+)') {
        $handle = $Matches[1]
    }
    $handle = $handle -replace '^.*[\\/]', ''
    Write-Result ('applied ' + $FixId + ' for ' + $finding + '; undo handle ' + $handle + ', its undo command recorded in ' + $RecordFolderText + '\undo.txt.')
    exit 0
} catch {
    Write-Result 'stopped by an error in the script; see the Intune Management Extension log.'
    exit 3
}
