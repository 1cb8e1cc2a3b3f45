; Inno Setup 6 script: the Windows installer of AFC Desktop (老年友好社区工作台).
;
; Build the one-folder app first on Windows (see packaging/README.md):
;   .venv\Scripts\python -m afc_desktop.i18n_build
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build packaging\afc.spec
; then compile this script (ISCC.exe packaging\afc.iss, or open it in the Inno Setup IDE).
; Output: dist\AFCDesktop-Setup-<version>.exe
;
; DATA IS KEPT ON UNINSTALL. The register, keys, backups and exports live in the user's data
; directory %APPDATA%\AFCDesktop (platformdirs, see afc_desktop/paths.py), which this installer
; never creates, and which the uninstaller deliberately does NOT delete: there is no
; [UninstallDelete] entry for it, so removing or upgrading the program never loses a
; community's records. Delete that folder by hand only after a final backup and sync.

#define AppName "AFC Desktop"
#define AppNameZh "老年友好社区工作台"
#define AppVersion "0.1.0"
#define AppExe "afc.exe"
#define DistDir "..\dist\afc"

[Setup]
AppId={{6E0C9A52-3F7B-4C1E-9B7E-AFCD2021D35E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=AFC Desktop
DefaultDirName={autopf}\AFC Desktop
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
; Village laptops often lack an administrator account: install per user unless asked.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=AFCDesktop-Setup-{#AppVersion}
SetupIconFile=icons\afc.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or later (what PySide6 6.x supports)
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese Simplified is an unofficial Inno Setup translation: used when installed beside ISCC.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start-menu entries
Name: "{group}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppNameZh}（演示数据）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\卸载 {#AppNameZh}"; Filename: "{uninstallexe}"
; Optional desktop icon
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: only the files installed into {app} are removed.
; %APPDATA%\AFCDesktop (the data directory) stays — see the note at the top.
