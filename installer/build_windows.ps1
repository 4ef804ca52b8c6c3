# Build AuditApp for Windows: dist\AuditApp\ (PyInstaller one-folder) and the Inno Setup installer.
# UNTRIED here (no Windows machine); the GitHub Actions workflow runs it on windows-latest.
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs Python 3.11+, and Inno Setup 6 (iscc.exe on PATH or in its default folder).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

python -m pip install --upgrade pip
python -m pip install ".[camera]" -r installer\requirements-build.txt
$version = python -c "import auditapp; print(auditapp.__version__)"

python installer\translations.py compile
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\auditapp.spec

# The smoke run: the bundle starts, opens its window offscreen and exits 0.
$env:QT_QPA_PLATFORM = "offscreen"
$env:AUDITAPP_HOME = Join-Path $env:RUNNER_TEMP "auditapp-smoke"
& dist\AuditApp\auditapp.exe --smoke --db (Join-Path $env:AUDITAPP_HOME "smoke.sqlite")
if ($LASTEXITCODE -ne 0) { throw "smoke run failed" }
Remove-Item Env:QT_QPA_PLATFORM

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\auditapp.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: dist\AuditApp-$version-windows-setup.exe"
