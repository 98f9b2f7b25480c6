"""Postal addresses for the demo's contacts, as they print on invoices and statements.

The 36 named contacts get their own; a big book's generated contacts get a short one built
from small tables by their position, so no random draw is taken from the generator (the
same seed still gives the same documents) and building them costs nothing measurable.
"""

from __future__ import annotations

NAMED_ADDRESSES: dict[str, str] = {
    "Harbour Lights Café": "3 Quay Street\nFalmouth\nTR11 3HH",
    "Meadowbank Primary School": "Meadowbank Road\nChester\nCH2 1PL",
    "Bramble & Finch Architects": (
        "Studio 4, The Old Tannery\n21 Bermondsey Street\nLondon\nSE1 3XF"),
    "Quayside Dental Practice": "1 Quayside\nNewcastle upon Tyne\nNE1 3DE",
    "Northgate Veterinary Clinic": "88 Northgate\nDarlington\nDL1 1RR",
    "Oakridge Golf Club": "Oakridge Lane\nHarrogate\nHG3 1QP",
    "Saltmarsh Brewing Co.": "Unit 7, Marsh Lane Industrial Estate\nBoston\nPE21 7TQ",
    "Kestrel Physiotherapy": "22 Castle Street\nShrewsbury\nSY1 2BQ",
    "Elm Street Bakery": "14 Elm Street\nIpswich\nIP1 2AT",
    "Copperleaf Interiors": "The Mill, 5 Water Lane\nBath\nBA2 4BE",
    "Riverside Community Trust": "Riverside Centre\n2 Wharf Road\nNottingham\nNG7 1GG",
    "Bluebell Nursery": "61 Bluebell Way\nNorwich\nNR4 7FD",
    "Tidewater Yacht Services": "Marina Office, Ocean Village\nSouthampton\nSO14 3TJ",
    "Foxglove Florists": "9 Market Place\nKendal\nLA9 4TN",
    "Granite Peak Outdoor": "40 High Street\nFort William\nPH33 6AH\nScotland",
    "Lantern House Publishing": "Lantern House\n17 St Giles\nOxford\nOX1 3JS",
    "Marlowe Legal LLP": "Third Floor, 8 Temple Row\nBirmingham\nB2 5HG",
    "Willow Lane Dental": "2 Willow Lane\nCanterbury\nCT1 2DH",
    "Northwind Office Supplies": "Northwind House\nDolphin Way\nStockport\nSK4 1DF",
    "Brightline Energy": "PO Box 4120\nReading\nRG1 9ZZ",
    "Fibrelink Broadband": "Customer Accounts\n1 Signal Park\nSwindon\nSN5 7XY",
    "Castle Properties Ltd": "12 Castle Hill\nLincoln\nLN1 3AA",
    "CloudNest Hosting": "Suite 210, Tech Quarter\n5 Pixel Street\nManchester\nM1 2HB",
    "Ledgerly Software": "Ledgerly Ltd\n30 Finsbury Square\nLondon\nEC2A 1AG",
    "Rail Europe Travel": "Business Travel Desk\n1 Station Approach\nLondon\nN1C 4QP",
    "Grand Hotel Leeds": "4 City Square\nLeeds\nLS1 2ES",
    "PaperTrail Stationers": "27 King Street\nKing's Lynn\nPE30 1ET",
    "Vector Design Tools": "Herengracht 182\n1016 BR Amsterdam\nNetherlands",
    "Keystone Electronics Wholesale": "Unit 3, Keystone Park\nCoventry\nCV3 4LF",
    "Oldfield Book Distributors": "Oldfield Distribution Centre\nMill Road\nWigston\nLE18 2AN",
    "SecureStore Self Storage": "Brunel Way\nSlough\nSL1 1FQ",
    "Apex Laptops Direct": "Apex House\n2 Enterprise Drive\nCardiff\nCF10 4UW\nWales",
    "Pinewood Digital Agency": "The Coach House, Pinewood Road\nIver Heath\nSL0 0NH",
    "Hartley & Sons Joinery": "Hartley's Yard, Beck Lane\nSkipton\nBD23 1QX",
    "Summit IT Partners": "Summit House\n100 Princes Street\nEdinburgh\nEH2 3AA\nScotland",
    "Greenway Print Studio": "6 Greenway Arches\nBristol\nBS1 6QA",
}

_STREETS = (
    "High Street", "Station Road", "Church Lane", "Mill Road", "Victoria Street",
    "Park Avenue", "King Street", "Queens Road", "Bridge Street", "Market Square",
    "New Road", "Brook Lane",
)
_TOWNS = (
    ("York", "YO1"), ("Derby", "DE1"), ("Exeter", "EX4"), ("Durham", "DH1"),
    ("Stirling", "FK8"), ("Bangor", "LL57"), ("Salisbury", "SP1"), ("Lancaster", "LA1"),
    ("Worcester", "WR1"), ("Truro", "TR1"), ("Hereford", "HR4"), ("Perth", "PH1"),
    ("Carlisle", "CA3"), ("Ely", "CB7"),
)

_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # those a postcode's last two letters use


def address_for(name: str, position: int) -> str:
    """The named contact's own address, or a short made-up one for the ``position``-th."""
    known = NAMED_ADDRESSES.get(name)
    if known is not None:
        return known
    town, district = _TOWNS[position * 7 % len(_TOWNS)]
    number = 1 + position * 37 % 180
    unit = f"{position % 9 + 1}{_LETTERS[position % 20]}{_LETTERS[position * 3 % 20]}"
    return f"{number} {_STREETS[position % len(_STREETS)]}\n{town}\n{district} {unit}"


#: The demo company's own details, printed at the top of its invoices and statements.
COMPANY_ADDRESS = "Unit 12, Canal Wharf\n18 Water Street\nManchester\nM3 4JQ\nUnited Kingdom"
COMPANY_TAX_NUMBER = "GB 284 1937 55"
#: Its logo: a mark drawn in SVG, so it prints sharp at any size.
COMPANY_LOGO_SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="270" height="80" viewBox="0 0 270 80">
  <rect x="4" y="4" width="72" height="72" rx="14" fill="#1f5f74"/>
  <path d="M22 60V20h8l20 27V20h8v40h-8L30 33v27z" fill="#ffffff"/>
  <circle cx="62" cy="18" r="6" fill="#f2b84b"/>
  <text x="90" y="38" font-family="DejaVu Sans, Arial, sans-serif" font-size="22"
        font-weight="bold" fill="#1f5f74">NORTHWIND</text>
  <text x="90" y="62" font-family="DejaVu Sans, Arial, sans-serif" font-size="15"
        fill="#5b6b73">design studio</text>
</svg>
"""
