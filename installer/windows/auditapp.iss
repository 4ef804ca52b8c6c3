; Inno Setup script for AuditApp on Windows (Inno Setup 6.3 or later).
;
; Build (after installer\build_windows.ps1 made dist\AuditApp\):
;   iscc /DAppVersion=0.1.0 installer\windows\auditapp.iss
; Output: dist\AuditApp-0.1.0-windows-setup.exe
;
; UNTRIED on this project's machines (no Windows here); written to Inno Setup's documentation
; and built by .github/workflows/installers.yml on a Windows runner.
;
; Per-user install without administrator rights (PrivilegesRequired=lowest): the program goes to
; %LOCALAPPDATA%\Programs\AuditApp, the file association and the uninstaller entry to HKCU.
; The user's data (%LOCALAPPDATA%\AuditApp: database, backups, log) is never touched by the
; uninstaller: an auditor's records outlive the program.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "AuditApp"
#define AppExe "auditapp.exe"
#define SourceDir "..\..\dist\AuditApp"

[Setup]
AppId={{6A7C2F4E-2B1D-4C7E-9D3A-5E1F0A2B3C4D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=AuditApp
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=AuditApp-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\auditapp.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
DisableProgramGroupPage=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} (Deinstallieren - Uninstall)"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .auditpkg -> AuditApp.Package -> "auditapp.exe" "%1" (HKA = HKCU for a per-user install)
Root: HKA; Subkey: "Software\Classes\.auditpkg"; ValueType: string; ValueName: ""; ValueData: "AuditApp.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\AuditApp.Package"; ValueType: string; ValueName: ""; ValueData: "AuditApp audit package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\AuditApp.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\AuditApp.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
