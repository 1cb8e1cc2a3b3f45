"""Reading filled paper sheets back from scans and photos (纸质表回读).

``images`` opens a scanner's PDF or photos as greyscale pages; ``locate`` finds each page by its
QR code and corner marks; ``boxes`` reads each checkbox as ticked, empty or uncertain; ``reader``
turns a page's boxes into answers of its form. No database and no Qt here: the service
(``services/scanning.py``) makes drafts of what is read, the window shows them.
"""
