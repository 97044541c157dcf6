# Authenticode-signs files with the release workflow's certificate, timestamped, and checks each signature:
#   packaging/windows/sign.ps1 -Files FILE...
# The certificate comes from the environment, never from the command line: WINDOWS_CERTIFICATE_PFX (the .pfx file,
# base64) and WINDOWS_CERTIFICATE_PASSWORD. The .pfx is written to a temporary file that is deleted afterwards; no
# secret is printed. signtool.exe is the Windows SDK's (on GitHub's Windows runners).
param([Parameter(Mandatory = $true)][string[]] $Files)
$ErrorActionPreference = 'Stop'

if (-not $env:WINDOWS_CERTIFICATE_PFX -or -not $env:WINDOWS_CERTIFICATE_PASSWORD) {
    throw 'WINDOWS_CERTIFICATE_PFX and WINDOWS_CERTIFICATE_PASSWORD are not set'
}
$kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
$signtool = Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match '\\x64\\' } | Sort-Object FullName -Descending | Select-Object -First 1
if (-not $signtool) { throw "signtool.exe not found under $kits" }

$temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { [IO.Path]::GetTempPath() }
$pfx = Join-Path $temp ([Guid]::NewGuid().ToString() + '.pfx')
try {
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE_PFX))
    foreach ($file in $Files) {
        & $signtool.FullName sign /f $pfx /p $env:WINDOWS_CERTIFICATE_PASSWORD /fd SHA256 `
            /tr http://timestamp.digicert.com /td SHA256 /d 'Account Linker' $file | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "signtool could not sign $file" }
        & $signtool.FullName verify /pa $file | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "the signature of $file does not verify" }
        Write-Host "signed: $file"
    }
} finally {
    Remove-Item -Force -ErrorAction SilentlyContinue $pfx
}
